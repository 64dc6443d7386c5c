package io.damwebhooks.delivery.dispatch;

import io.damwebhooks.delivery.entity.ClaimBatch;
import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.deliverylog.control.DeliveryMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dispatcher's loop, one run at a time on a sender thread: feed the hand-over's queue to the slots,
 * then claim due rows from the table while a batch's worth of room is in flight. Woken — the one verb
 * for running it — when room frees ({@link #wake}), and to claim even while deliveries are queued when
 * the table holds rows the queue does not: at every poll, after a commit that left rows in the table,
 * and when a retry falls due ({@link #wakeToClaim}, {@link #wakeToClaimSoon}, {@link #wakeToClaimAt}).
 */
final class ClaimLoop {

    /** Claims due rows for this instance, at most {@code limit}, and no more of a webhook than {@code roomOf} it. */
    interface Claims {
        ClaimBatch claim(int limit, ToIntFunction<String> roomOf, Instant now);
    }

    private static final Logger LOG = Logger.getLogger(ClaimLoop.class.getName());
    static final long CLAIM_LINGER_MS = 10;

    private final InFlight inFlight;
    private final HandOver handOver;
    private final WebhookSlots slots;
    private final Claims claims;
    private final int batchSize;
    private final DeliveryMetrics metrics;
    private final ScheduledExecutorService timer;
    private final Duration poll;
    private final Clock clock;
    private final SerialTask task;
    private final Linger claimSoon;
    /** The table holds due rows the queue does not: the next run claims even while deliveries are queued. */
    private volatile boolean claimNeeded;
    private volatile boolean stopped;

    ClaimLoop(Executor senders, ScheduledExecutorService timer, InFlight inFlight, HandOver handOver, WebhookSlots slots,
              Claims claims, int batchSize, Duration poll, DeliveryMetrics metrics, Clock clock) {
        this.inFlight = inFlight;
        this.handOver = handOver;
        this.slots = slots;
        this.claims = claims;
        this.batchSize = batchSize;
        this.metrics = metrics;
        this.timer = timer;
        this.poll = poll;
        this.clock = clock;
        this.task = new SerialTask(senders, this::run);
        // rows committed within these milliseconds are claimed together: one claim (a transaction) of
        // many rows instead of many claims of a few, for those milliseconds of latency
        this.claimSoon = new Linger(timer, CLAIM_LINGER_MS, task::ask);
    }

    void wake() {
        if (!stopped) task.ask();
    }

    void wakeToClaim() {
        claimNeeded = true;
        wake();
    }

    void wakeToClaimSoon() {
        claimNeeded = true;
        claimSoon.ask();
    }

    /** A retry falls due before the next poll: wake for it. */
    void wakeToClaimAt(Instant due) {
        long delay = Duration.between(clock.instant(), due).toMillis();
        if (delay < poll.toMillis() && !stopped) {
            timer.schedule(this::wakeToClaim, Math.max(0, delay), TimeUnit.MILLISECONDS);
        }
    }

    /** No run starts any more; one under way ends on its own (see {@link #isRunning}). */
    void stop() {
        stopped = true;
    }

    boolean isRunning() {
        return task.isRunning();
    }

    /** Answers false when it failed: the next poll tries again, no tight loop against a failing database. */
    private boolean run() {
        if (stopped) return true;
        try {
            handOver.feed();
            // while deliveries are queued, room that frees goes to them (they are older than anything a
            // claim would find of their webhooks, and a claim that finds nothing still costs a transaction)
            boolean queueEmpty = handOver.isEmpty();
            if (!queueEmpty && !claimNeeded) return true;
            claimNeeded = false;
            claimWhileRoom(queueEmpty);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Claiming deliveries failed; the next poll tries again", e);
            return false;
        }
    }

    /**
     * A whole batch at a time (half the limit, when the batch is larger): one claim per finished attempt
     * would cost a transaction per delivery.
     */
    private void claimWhileRoom(boolean queueEmpty) {
        int room;
        while ((room = inFlight.room()) > 0 && room >= Math.min(batchSize, inFlight.limit() / 2)) {
            int want = Math.min(room, batchSize);
            Instant now = clock.instant();
            // a webhook with queued deliveries takes those first: they are older than anything of its a claim would find
            ClaimBatch claim = claims.claim(want, webhookId -> handOver.has(webhookId) ? 0 : slots.room(webhookId, now), now);
            claim.wakeAt().ifPresent(this::wakeToClaimAt); // a rate limit left due deliveries: come back for them
            List<Leased> batch = claim.leased();
            inFlight.take(batch.size());
            batch.forEach(slots::dispatch);
            metrics.dispatched("claim", batch.size());
            if (batch.size() < want) {
                // the table is caught up, unless the queue kept this claim from some webhooks' rows
                if (queueEmpty) handOver.resume();
                return;
            }
            handOver.pause();
        }
    }
}
