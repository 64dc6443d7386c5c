package io.damwebhooks.delivery.dispatch;

import io.damwebhooks.delivery.entity.DeliveriesRecorded;
import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.delivery.entity.Outcome;
import io.damwebhooks.deliverylog.control.DeliveryMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fresh deliveries go to the senders without a claim: the outbox reserves room here before its commit
 * and writes those rows already leased to this instance; after the commit they wait in the
 * {@link HandOverQueue} and are fed to the {@link WebhookSlots} as room frees.
 * <p>
 * Paused while due rows wait in the table: fresh deliveries handed over first would take the room each
 * time it frees, and the claim — which waits for a batch's worth of room — would leave the waiting rows
 * behind for seconds. Paused, fresh rows stay in the table and queue behind the waiting ones, through
 * claims, until a claim with nothing queued finds fewer rows than it asked for ({@link #resume}).
 */
public final class HandOver {

    private final HandOverQueue queued = new HandOverQueue();
    private final SerialTask feeding = new SerialTask(Runnable::run, this::feedOnce);
    private final InFlight inFlight;
    private final WebhookSlots slots;
    private final Consumer<Outcome> giveBack;
    private final DeliveryMetrics metrics;
    private final Duration lease;
    private final String instance;
    private final Clock clock;
    private volatile boolean open;
    private volatile boolean stopped;
    private volatile boolean paused = true;

    HandOver(InFlight inFlight, WebhookSlots slots, Consumer<Outcome> giveBack, DeliveryMetrics metrics,
             Duration lease, String instance, Clock clock) {
        this.inFlight = inFlight;
        this.slots = slots;
        this.giveBack = giveBack;
        this.metrics = metrics;
        this.lease = lease;
        this.instance = instance;
        this.clock = clock;
    }

    /** Whom the outbox writes handed-over rows leased to. */
    public String instance() {
        return instance;
    }

    /** How long a lease written now lasts. */
    public Duration lease() {
        return lease;
    }

    /**
     * Room in the queue for {@code wanted} deliveries of a webhook that are recorded now and handed over
     * after the commit; none before {@link #open}, after {@link #stop}, while paused, or while the
     * webhook's circuit is open.
     */
    public int reserve(String webhookId, int wanted, Instant now) {
        if (!open || stopped || paused || slots.openUntil(webhookId, now).isPresent()) return 0;
        return queued.reserve(webhookId, wanted);
    }

    /** Room reserved for a hand-over that will not come. */
    public void cancel(Collection<Leased> handed) {
        handed.forEach(leased -> queued.cancel(leased.webhookId(), 1));
    }

    /**
     * Committed: the handed-over deliveries join the queue and are fed at once. A commit that took over
     * half the lease hands nothing over: the leases could run out during the attempts, and a claim could
     * send them a second time; they are claimed when their leases have run out instead. Rows the commit
     * could have handed over but found no room for pause the hand-over.
     */
    void committed(DeliveriesRecorded recorded) {
        if (stopped) {
            cancel(recorded.handed()); // the stop has given back what it held: these leases run out
        } else if (clock.instant().isBefore(halfLeaseGone(recorded.leasedUntil()))) {
            queued.add(recorded.handed());
        } else {
            cancel(recorded.handed());
        }
        if (recorded.leftBehind() > 0) pause();
        feed();
    }

    /** The leases of a previous run are released: from now on fresh deliveries may be handed over. */
    void open() {
        open = true;
    }

    /** Nothing more is reserved or fed: answers what was queued, to be given back. */
    List<Leased> stop() {
        stopped = true;
        return queued.drain();
    }

    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
    }

    boolean has(String webhookId) {
        return queued.has(webhookId);
    }

    boolean isEmpty() {
        return queued.isEmpty();
    }

    /** Moves queued deliveries to their slots; one thread feeds at a time, and one that finds it busy leaves it one more round. */
    void feed() {
        feeding.ask();
    }

    /**
     * Oldest first per webhook, while there is room in flight and in the webhook's slots. A queued
     * delivery whose webhook's circuit opened is deferred; one that waited half its lease is given back
     * (sent after its lease ran out, a claim could have taken it meanwhile and sent it too) and pauses
     * the hand-over: the queue is longer than the receivers take within a lease.
     */
    private boolean feedOnce() {
        if (stopped) return true;
        Instant now = clock.instant();
        int fed = 0;
        for (String webhookId : queued.webhooks()) {
            Optional<Instant> circuitOpen = slots.openUntil(webhookId, now);
            while (queued.has(webhookId) && (circuitOpen.isPresent() || slots.room(webhookId, now) > 0)) {
                if (!inFlight.tryTake()) {
                    metrics.dispatched("handover", fed);
                    return true;
                }
                Leased next = queued.poll(webhookId);
                if (next == null) {
                    inFlight.release(1);
                } else if (circuitOpen.isPresent()) {
                    giveBack.accept(new Outcome.Deferred(next, circuitOpen.get()));
                } else if (!now.isBefore(halfLeaseGone(next.leasedUntil()))) {
                    pause();
                    giveBack.accept(new Outcome.GivenBack(next));
                } else {
                    slots.dispatch(next);
                    fed++;
                }
            }
        }
        metrics.dispatched("handover", fed);
        return true;
    }

    private Instant halfLeaseGone(Instant leasedUntil) {
        return leasedUntil.minus(lease.dividedBy(2));
    }
}
