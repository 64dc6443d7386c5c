package io.damwebhooks.delivery.dispatch;

import io.damwebhooks.delivery.entity.ClaimBatch;
import io.damwebhooks.delivery.entity.Claimed;
import io.damwebhooks.delivery.entity.DeliveriesRecorded;
import io.damwebhooks.delivery.lease.AssetLanes;
import io.damwebhooks.delivery.lease.Claims;
import io.damwebhooks.delivery.lease.InstanceId;
import io.damwebhooks.delivery.lease.LeaseRecovery;
import io.damwebhooks.delivery.send.AttemptTimeout;
import io.damwebhooks.delivery.send.DeliveryExecutors;
import io.damwebhooks.delivery.send.DeliveryHttp;
import io.damwebhooks.delivery.send.Sender;
import io.damwebhooks.deliverylog.control.DeliveryMetrics;
import io.damwebhooks.platform.control.DatabaseRetry;
import io.damwebhooks.platform.control.DatabaseRetry;
import io.damwebhooks.platform.control.Durations;
import io.damwebhooks.delivery.outcome.Outcomes;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves pending deliveries to their receivers. Fresh ones arrive in memory from the commit that recorded
 * them, already leased to this instance ({@link Outbox}), and wait for room ({@link HandOver}); the
 * rest — retries, rows other instances recorded, leases that ran out, what did not fit — are claimed
 * from the table ({@link Claims}), at the next retry that falls
 * due, after a commit that left rows unleased, and at every poll ({@code webhooks.delivery.poll-interval}).
 * Each delivery goes to a sender thread when its webhook has a slot ({@link WebhookSlots}), and finished
 * attempts are recorded in batches ({@link OutcomeBatches}): under load one transaction records many results.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    /**
     * Claimed and not yet recorded, at most: enough that the next batches are claimed while earlier
     * ones are sent and recorded (a pipeline, not claim-send-record in turn). Lease-safe: a webhook
     * holds at most twice its concurrency ({@link Circuits#room}), and a hanging one opens its circuit
     * after one round.
     */
    static final int MAX_HELD = 4 * DeliveryExecutors.MAX_SENDS;
    /** Sender threads that run attempts at most: two of the executor's threads stay free to claim and record. */
    static final int MAX_WORKERS = DeliveryExecutors.MAX_SENDS - 2;
    static final long CLAIM_LINGER_MS = 10;

    @Resource(lookup = DeliveryExecutors.SENDERS)
    ManagedExecutorService senders;

    @Resource(lookup = DeliveryExecutors.TIMER)
    ManagedScheduledExecutorService timer;

    @Inject Claims claims;
    @Inject Outcomes recorder;
    @Inject DatabaseRetry database;
    @Inject Sender sender;
    @Inject DeliveryMetrics metrics;
    @Inject DeliveryHttp http; // injected here so the client (TLS trust store and all) is built at start, not in an attempt
    @Inject InstanceId instanceId;
    @Inject LeaseRecovery recovery;
    @Inject AssetLanes lanes;

    @Inject @ConfigProperty(name = "webhooks.delivery.lease", defaultValue = "60s") String leaseText;
    @Inject @ConfigProperty(name = "webhooks.delivery.poll-interval", defaultValue = "1s") String pollText;
    @Inject @ConfigProperty(name = "webhooks.delivery.batch-size", defaultValue = "64") int batchSize;
    @Inject @ConfigProperty(name = "webhooks.delivery.concurrency-per-webhook", defaultValue = "16") int perWebhook;
    @Inject @ConfigProperty(name = "webhooks.delivery.circuit-failures", defaultValue = "5") int circuitFailures;
    @Inject @ConfigProperty(name = "webhooks.delivery.circuit-open", defaultValue = "30s") String circuitOpenText;

    private String instance;
    private final AtomicBoolean claiming = new AtomicBoolean();
    private volatile boolean claimAgain;
    private volatile boolean pollDue;
    /** A commit left rows in the table, or a retry fell due: the next claim runs even while deliveries are queued. */
    private volatile boolean rowsToClaim;
    private final AtomicInteger held = new AtomicInteger();
    private HandOver handOver;
    private WebhookSlots slots;
    private OutcomeBatches outcomes;
    private Linger claimSoon;
    private Duration lease;
    private Duration poll;
    private volatile ScheduledFuture<?> poller;
    private volatile boolean stopped;
    private volatile long backlogCountedAt;

    @PostConstruct
    void configure() {
        instance = instanceId.get();
        lease = Durations.parse("webhooks.delivery.lease", leaseText);
        poll = Durations.parse("webhooks.delivery.poll-interval", pollText);
        outcomes = new OutcomeBatches(senders, timer, batch -> database.record(() -> recorder.record(batch, instance)), this);
        claimSoon = new Linger(timer, CLAIM_LINGER_MS, this::nudge);
        Circuits circuits = new Circuits(perWebhook, circuitFailures, Durations.parse("webhooks.delivery.circuit-open", circuitOpenText));
        slots = new WebhookSlots(circuits, perWebhook, sender, outcomes, senders, MAX_WORKERS);
        handOver = new HandOver(held, slots, outcomes, metrics, lease);
        http.ready(); // a client proxy builds its bean on first use: build it now, not in an attempt
        Duration timeout = Duration.ofMillis(AttemptTimeout.millis());
        if (lease.compareTo(timeout.multipliedBy(2)) < 0) {
            // an attempt may wait one timeout for a slot of its webhook and take another: a shorter lease
            // lets a second instance claim a delivery that is still being sent
            LOG.warning(() -> "webhooks.delivery.lease (" + leaseText + ") should be at least twice the attempt's timeout (" + timeout.toMillis() + " ms)");
        }
    }

    /**
     * After start-up (and after the migrations, which observe the same event earlier): take back what a
     * previous run held, then resume what is pending.
     */
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) @Initialized(ApplicationScoped.class) Object started) {
        try {
            recovery.release(instance);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not release the leases of a previous run; they run out instead", e);
        }
        handOver.open(); // no release of this instance's leases follows
        poller = timer.scheduleWithFixedDelay(this::poll, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "Dispatcher " + instance + " polls every " + poll.toMillis() + " ms; leases last " + lease.toMillis() + " ms");
    }

    /** Room for {@code wanted} deliveries of a webhook that {@link Outbox} records now and hands over after its commit. */
    public int reserve(String webhookId, int wanted, Instant now) {
        return handOver.reserve(webhookId, wanted, now);
    }

    /** Room reserved for a hand-over that will not come. */
    public void unreserve(Collection<Claimed> handed) {
        handOver.unreserve(handed);
    }

    /** Deliveries held (sent or waiting to be) that are recorded now, or given back unattempted. */
    void giveBack(int reserved) {
        if (reserved > 0) held.addAndGet(-reserved);
    }

    public String instance() {
        return instance;
    }

    public Duration lease() {
        return lease;
    }

    /**
     * Committed: the handed-over deliveries join the queue and go to their senders as room frees, the
     * rest are claimed. A transaction that took over half the lease to commit hands nothing over: its
     * rows' leases could run out during the attempt, so they are claimed when they have run out instead.
     */
    void recorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesRecorded recorded) {
        if (Instant.now().isBefore(recorded.leasedUntil().minus(lease.dividedBy(2)))) {
            handOver.add(recorded.handed());
        } else {
            handOver.unreserve(recorded.handed());
        }
        // rows a per-asset or rate-limited webhook always leaves to the claim do not stop the hand-over
        if (recorded.leftBehind() > 0) handOver.rowsWaitInTable();
        if (recorded.count() > recorded.handed().size()) nudgeSoon();
    }

    void rolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) DeliveriesRecorded recorded) {
        handOver.unreserve(recorded.handed());
    }

    /**
     * New rows were committed: claim them {@link #CLAIM_LINGER_MS} from now, together with those
     * committed meanwhile. Under a steady stream of events this makes one claim of many rows out of
     * many claims of a few (each claim is a transaction); the price is those milliseconds of latency.
     */
    private void nudgeSoon() {
        rowsToClaim = true;
        claimSoon.ask();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        handOver.stop();
        slots.stop();
        if (poller != null) poller.cancel(false);
    }

    private void poll() {
        long now = System.currentTimeMillis();
        if (now - backlogCountedAt > 5_000) {
            backlogCountedAt = now;
            try {
                metrics.backlog(claims.pending());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Could not count the backlog", e);
            }
        }
        try {
            lanes.releaseUnordered(Instant.now()); // a webhook switched from per-asset to none: its held rows go
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not release held deliveries", e);
        }
        pollDue = true;
        nudge();
    }

    /** Claims due deliveries now, on a sender thread, unless a claim is running already (it then goes once more). */
    public void nudge() {
        claimAgain = true;
        if (!stopped && claiming.compareAndSet(false, true)) senders.execute(this::claimWhileRoom);
    }

    private void claimWhileRoom() {
        try {
            while (claimAgain && !stopped) {
                claimAgain = false;
                handOver.feed();
                // while deliveries are queued, a finished outcome batch does not claim (the queue holds the
                // fresh ones, and a claim that finds nothing still costs a transaction); the poll, a commit
                // that left rows in the table (per-asset, rate-limited, no room) and a due retry do
                boolean queueEmpty = handOver.isEmpty();
                if (!queueEmpty && !pollDue && !rowsToClaim) continue;
                pollDue = false;
                rowsToClaim = false;
                int room;
                // a whole batch at a time (or whatever is due when idle): one claim per finished attempt
                // would cost a transaction per delivery
                while ((room = MAX_HELD - held.get()) >= Math.min(batchSize, MAX_HELD / 2) || room > 0 && held.get() == 0) {
                    int want = Math.min(room, batchSize);
                    Instant now = Instant.now();
                    // a webhook with queued deliveries takes those first: they are older than anything of its a claim would find
                    ClaimBatch claim = database.claim(() -> claims.claim(want, webhookId -> handOver.has(webhookId) ? 0
                            : slots.room(webhookId, now), instance, lease, now));
                    claim.wakeAt().ifPresent(this::wakeAt); // a rate limit left due deliveries: come back for them
                    List<Claimed> batch = claim.claimed();
                    held.addAndGet(batch.size());
                    batch.forEach(slots::dispatch);
                    metrics.dispatched("claim", batch.size());
                    if (batch.size() < want) {
                        // the table is caught up, unless the queue kept this claim from some webhooks' rows:
                        // fresh deliveries may be handed over again
                        if (queueEmpty) handOver.tableCaughtUp();
                        break;
                    }
                    handOver.rowsWaitInTable();
                }
            }
        } catch (RuntimeException e) {
            claimAgain = false; // the next poll tries again: no tight loop against a failing database
            LOG.log(Level.WARNING, "Claiming deliveries failed; the next poll tries again", e);
        } finally {
            claiming.set(false);
        }
        if (claimAgain && !stopped) nudge();
    }

    /** A retry falls due before the next poll: wake for it. */
    void wakeAt(Instant due) {
        long delay = Duration.between(Instant.now(), due).toMillis();
        if (delay < poll.toMillis() && !stopped) timer.schedule(() -> {
            rowsToClaim = true;
            nudge();
        }, Math.max(0, delay), TimeUnit.MILLISECONDS);
    }
}
