package io.damwebhooks.delivery.dispatch;

import io.damwebhooks.delivery.entity.Claimed;
import io.damwebhooks.delivery.entity.Outcome;
import io.damwebhooks.deliverylog.control.DeliveryMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Dispatcher}'s hand-over: fresh deliveries that the commit recording them leased to this
 * instance ({@link Outbox}) wait in the {@link HandOverQueue} and go to the sender threads as room frees,
 * with no claim. Paused while due rows wait in the table ({@link #rowsWaitInTable}): fresh deliveries
 * handed over first would take the room each time it frees, and the claim — which waits for a batch's
 * worth of room — would leave the waiting rows for seconds; they then queue behind them, through claims.
 */
final class HandOver {

    private final HandOverQueue queued = new HandOverQueue();
    private final AtomicBoolean feeding = new AtomicBoolean();
    private volatile boolean feedAgain;
    private volatile boolean open;
    private volatile boolean stopped;
    /**
     * Due rows wait in the table: a commit left rows it could have handed over unleased (the queue was
     * full), a queued delivery waited half its lease, a redelivery made rows due again, or a claim filled
     * its batch. Until a claim with the queue empty finds fewer rows than it asked for.
     */
    private volatile boolean rowsWaiting = true;
    private final AtomicInteger held;
    private final WebhookSlots slots;
    private final OutcomeBatches outcomes;
    private final DeliveryMetrics metrics;
    private final Duration lease;

    /** @param held deliveries this instance holds, shared with the claims: at most {@link Dispatcher#MAX_HELD} */
    HandOver(AtomicInteger held, WebhookSlots slots, OutcomeBatches outcomes, DeliveryMetrics metrics, Duration lease) {
        this.held = held;
        this.slots = slots;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.lease = lease;
    }

    /** The leases of a previous run are released: from now on fresh deliveries may be handed over. */
    void open() {
        open = true;
    }

    /** What is queued keeps its lease until it runs out, or the next start releases it. */
    void stop() {
        stopped = true;
    }

    /**
     * Room in the queue for {@code wanted} deliveries of a webhook that are recorded now and handed over
     * after the commit; none before {@link #open}, nor after {@link #stop}, nor while the webhook's
     * circuit is open, nor while due rows wait in the table.
     */
    int reserve(String webhookId, int wanted, Instant now) {
        if (!open || stopped || rowsWaiting || slots.openUntil(webhookId, now).isPresent()) return 0;
        return queued.reserve(webhookId, wanted);
    }

    /** Room reserved for a hand-over that will not come. */
    void unreserve(Collection<Claimed> handed) {
        handed.forEach(claimed -> queued.cancel(claimed.webhookId(), 1));
    }

    /** Committed: the deliveries join their webhooks' queues and go out as room frees. */
    void add(Collection<Claimed> handed) {
        queued.add(handed);
        feed();
    }

    void rowsWaitInTable() {
        rowsWaiting = true;
    }

    /** A claim with nothing queued found fewer rows than it asked for: fresh deliveries may be handed over again. */
    void tableCaughtUp() {
        rowsWaiting = false;
    }

    boolean has(String webhookId) {
        return queued.has(webhookId);
    }

    boolean isEmpty() {
        return queued.isEmpty();
    }

    /**
     * Moves queued deliveries to their senders while this instance holds fewer than
     * {@link Dispatcher#MAX_HELD} and their webhook has room ({@link Circuits#room}), oldest first per
     * webhook. A queued delivery whose webhook's circuit opened, or that waited half its lease, is given
     * back unattempted (a claim takes it later; sent after its lease ran out, a claim could have taken
     * it meanwhile and sent it too); the latter also pauses the hand-over, since the queue is longer than
     * the receivers take within a lease.
     */
    void feed() {
        // one thread feeds at a time; one that finds it busy leaves it one more round
        feedAgain = true;
        while (feedAgain && feeding.compareAndSet(false, true)) {
            try {
                feedAgain = false;
                feedOnce();
            } finally {
                feeding.set(false);
            }
        }
    }

    private void feedOnce() {
        if (stopped) return;
        Instant now = Instant.now();
        int fed = 0;
        for (String webhookId : queued.webhooks()) {
            Optional<Instant> circuitOpen = slots.openUntil(webhookId, now);
            while (queued.has(webhookId) && (circuitOpen.isPresent() || slots.room(webhookId, now) > 0)) {
                if (held.incrementAndGet() > Dispatcher.MAX_HELD) {
                    held.decrementAndGet();
                    metrics.dispatched("handover", fed);
                    return;
                }
                Claimed next = queued.poll(webhookId);
                if (next == null) {
                    held.decrementAndGet();
                } else if (circuitOpen.isPresent()) {
                    outcomes.add(Outcome.deferred(next, circuitOpen.get()));
                } else if (!now.isBefore(next.leasedUntil().minus(lease.dividedBy(2)))) {
                    rowsWaiting = true;
                    outcomes.add(Outcome.deferred(next, null));
                } else {
                    slots.dispatch(next);
                    fed++;
                }
            }
        }
        metrics.dispatched("handover", fed);
    }
}
