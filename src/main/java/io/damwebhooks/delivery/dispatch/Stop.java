package io.damwebhooks.delivery.dispatch;

import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.delivery.entity.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

/**
 * What the dispatcher holds when its application stops (undeploy, redeploy, shutdown) goes back to the
 * table before the stop returns, so that the next deployment — in this JVM or another — sends it at once
 * instead of waiting for leases to run out, and no attempt is counted that no receiver saw. Outcomes
 * already received are recorded; deliveries never started are given back; attempts still running get
 * until the bound to finish, then are cut off and given back (a late answer is dropped).
 */
final class Stop {

    private static final Logger LOG = Logger.getLogger(Stop.class.getName());
    private static final long WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final ClaimLoop loop;
    private final HandOver handOver;
    private final WebhookSlots slots;
    private final OutcomeBatches outcomes;
    private final InFlight inFlight;
    private final Clock clock;

    Stop(ClaimLoop loop, HandOver handOver, WebhookSlots slots, OutcomeBatches outcomes, InFlight inFlight, Clock clock) {
        this.loop = loop;
        this.handOver = handOver;
        this.slots = slots;
        this.outcomes = outcomes;
        this.inFlight = inFlight;
        this.clock = clock;
    }

    /** Gives back everything held, waiting at most {@code bound} for attempts that are running. */
    void run(Duration bound) {
        Instant deadline = clock.instant().plus(bound);
        loop.stop();
        while (loop.isRunning() && clock.instant().isBefore(deadline)) {
            LockSupport.parkNanos(WAIT_NANOS); // a claim under way commits its leases: what it took is given back below
        }
        List<Leased> queued = handOver.stop();
        inFlight.take(queued.size()); // queued deliveries were not in flight; their outcomes release room
        giveBack(queued);
        giveBack(slots.stop());
        while (inFlight.room() < inFlight.limit() && clock.instant().isBefore(deadline)) {
            outcomes.record();
            LockSupport.parkNanos(WAIT_NANOS); // attempts finish on their own threads
        }
        // given back before they are interrupted, so that what an interrupted attempt answers is dropped
        List<Leased> cutOff = slots.running();
        outcomes.close(cutOff.stream().<Outcome>map(Outcome.GivenBack::new).toList());
        slots.abandon();
        outcomes.record();
        if (!cutOff.isEmpty()) {
            LOG.info(() -> cutOff.size() + " attempts still running at the stop were cut off; they are sent again");
        }
    }

    private void giveBack(List<Leased> deliveries) {
        deliveries.forEach(leased -> outcomes.add(new Outcome.GivenBack(leased)));
    }
}
