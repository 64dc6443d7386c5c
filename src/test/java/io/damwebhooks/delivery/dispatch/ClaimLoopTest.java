package io.damwebhooks.delivery.dispatch;

import static io.damwebhooks.delivery.dispatch.Fakes.LEASE;
import static io.damwebhooks.delivery.dispatch.Fakes.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.delivery.entity.ClaimBatch;
import io.damwebhooks.delivery.entity.DeliveriesRecorded;
import io.damwebhooks.delivery.entity.Outcome;
import io.damwebhooks.platform.control.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimLoopTest {

    private final ManualClock clock = new ManualClock(T0);
    private final Fakes.ManualTimer timer = new Fakes.ManualTimer();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final InFlight inFlight = new InFlight(128);
    /** What each claim asked for. */
    private final List<Integer> asked = new ArrayList<>();
    /** Due rows in the table. */
    private int due = 1_000;
    private WebhookSlots slots = Fakes.slots(1_000, outcomes);
    private HandOver handOver = new HandOver(inFlight, slots, outcomes::add, Fakes.metrics(), LEASE, "me", clock);
    private final ClaimLoop loop = new ClaimLoop(Runnable::run, timer, inFlight, handOver, slots, this::claim, 64,
            Duration.ofSeconds(1), Fakes.metrics(), clock);

    private ClaimBatch claim(int limit, java.util.function.ToIntFunction<String> roomOf, java.time.Instant now) {
        asked.add(limit);
        int taken = Math.min(limit, Math.min(due, roomOf.applyAsInt("wh_table")));
        due -= taken;
        return new ClaimBatch(Fakes.leased("wh_table", taken, now.plus(LEASE)), Optional.empty());
    }

    @Test
    void itClaimsWholeBatchesWhileThereIsRoomInFlight() {
        loop.wakeToClaim();
        assertEquals(List.of(64, 64), asked, "until the limit in flight (128) is reached");
        inFlight.release(40);
        loop.wakeToClaim();
        assertEquals(List.of(64, 64), asked, "40 free is less than a batch: no claim of a few rows per finished attempt");
        inFlight.release(24);
        loop.wakeToClaim();
        assertEquals(List.of(64, 64, 64), asked);
    }

    @Test
    void aClaimThatFindsFewerRowsThanItAskedForResumesTheHandOver() {
        handOver.open();
        due = 10;
        loop.wakeToClaim();
        assertEquals(List.of(64), asked);
        assertEquals(5, handOver.reserve("wh_a", 5, T0), "the table is caught up: fresh deliveries may be handed over");
    }

    @Test
    void aClaimThatFillsItsBatchPausesTheHandOver() {
        handOver.open();
        handOver.resume();
        inFlight.take(64); // room for one batch
        loop.wakeToClaim();
        assertEquals(List.of(64), asked);
        assertEquals(0, handOver.reserve("wh_a", 5, T0), "rows may still wait in the table: they go first");
    }

    @Test
    void whileDeliveriesAreQueuedOnlyAReasonToClaimClaims() {
        slots = Fakes.slots(1, outcomes);
        handOver = new HandOver(inFlight, slots, outcomes::add, Fakes.metrics(), LEASE, "me", clock);
        ClaimLoop loop = new ClaimLoop(Runnable::run, timer, inFlight, handOver, slots, this::claim, 64,
                Duration.ofSeconds(1), Fakes.metrics(), clock);
        handOver.open();
        handOver.resume();
        handOver.reserve("wh_a", 3, T0);
        handOver.committed(new DeliveriesRecorded(3, Fakes.leased("wh_a", 3, T0.plus(LEASE)), 0, T0.plus(LEASE)));
        assertTrue(handOver.has("wh_a"), "one running and one waiting for the webhook's only slot, the third queued");
        loop.wake();
        assertEquals(List.of(), asked, "room that frees goes to the queued deliveries");
        loop.wakeToClaim();
        assertEquals(List.of(64), asked, "the poll claims all the same: other webhooks' rows may be due");
    }

    @Test
    void rowsCommittedWithinTheLingerAreClaimedTogether() {
        loop.wakeToClaimSoon();
        loop.wakeToClaimSoon();
        loop.wakeToClaimSoon();
        assertEquals(List.of(), asked);
        assertEquals(1, timer.waiting());
        timer.runScheduled();
        assertEquals(List.of(64, 64), asked, "one run for the three commits");
    }
}
