package io.damwebhooks.delivery.dispatch;

import io.damwebhooks.delivery.entity.DeliveriesRecorded;
import io.damwebhooks.delivery.lease.AssetLanes;
import io.damwebhooks.delivery.lease.Claims;
import io.damwebhooks.delivery.lease.InstanceId;
import io.damwebhooks.delivery.lease.LeaseRecovery;
import io.damwebhooks.delivery.outcome.Outcomes;
import io.damwebhooks.delivery.send.AttemptTimeout;
import io.damwebhooks.delivery.send.DeliveryExecutors;
import io.damwebhooks.delivery.send.DeliveryHttp;
import io.damwebhooks.delivery.send.Sender;
import io.damwebhooks.deliverylog.control.DeliveryMetrics;
import io.damwebhooks.platform.control.DatabaseRetry;
import io.damwebhooks.platform.control.Durations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves pending deliveries to their receivers. It assembles the stages and runs them: fresh deliveries
 * come from the commit that recorded them ({@link HandOver}), the rest are claimed from the table
 * ({@link ClaimLoop}: retries, other instances' rows, leases that ran out, what did not fit); both go to
 * the {@link WebhookSlots} and on to a sender thread, and finished attempts are recorded in
 * {@link OutcomeBatches}. A delivery is {@link InFlight} from being taken until its outcome is recorded.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    /** In flight at most: lease-safe, since a webhook holds at most twice its concurrency ({@link Circuits#room}). */
    static final int MAX_IN_FLIGHT = 4 * DeliveryExecutors.MAX_SENDS;
    /** Sender threads that run attempts at most: two of the executor's threads stay free to claim and record. */
    static final int MAX_WORKERS = DeliveryExecutors.MAX_SENDS - 2;
    /** How long the stop waits for running attempts before it cuts them off. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    @Resource(lookup = DeliveryExecutors.SENDERS)
    ManagedExecutorService senders;

    @Resource(lookup = DeliveryExecutors.TIMER)
    ManagedScheduledExecutorService timer;

    @Inject Claims claims;
    @Inject Outcomes outcomes;
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
    private Duration poll;
    private InFlight inFlight;
    private HandOver handOver;
    private WebhookSlots slots;
    private ClaimLoop loop;
    private Stop stop;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile ScheduledFuture<?> poller;
    private volatile long backlogCountedAt;

    @PostConstruct
    void assemble() {
        instance = instanceId.get();
        Duration lease = Durations.parse("webhooks.delivery.lease", leaseText);
        poll = Durations.parse("webhooks.delivery.poll-interval", pollText);
        Clock clock = Clock.systemUTC();
        inFlight = new InFlight(MAX_IN_FLIGHT);
        OutcomeBatches batches = new OutcomeBatches(senders, timer,
                batch -> database.record(() -> outcomes.record(batch, instance)), this::outcomesRecorded);
        Circuits circuits = new Circuits(perWebhook, circuitFailures, Durations.parse("webhooks.delivery.circuit-open", circuitOpenText));
        slots = new WebhookSlots(circuits, perWebhook, sender::send, batches::add, senders, MAX_WORKERS);
        handOver = new HandOver(inFlight, slots, batches::add, metrics, lease, instance, clock);
        
        loop = new ClaimLoop(senders, timer, inFlight, handOver, slots,
                (limit, roomOf, now) -> database.claim(() -> claims.claim(limit, roomOf, instance, lease, now)),
                batchSize, poll, metrics, clock);
        stop = new Stop(loop, handOver, slots, batches, inFlight, clock);
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
        if (stopped.get()) return; // an application stopped while it was starting: nothing may run after its stop
        try {
            recovery.release(instance);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not release the leases of a previous run; they run out instead", e);
        }
        handOver.open(); // no release of this instance's leases follows
        poller = timer.scheduleWithFixedDelay(this::poll, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "Dispatcher " + instance + " polls every " + poll.toMillis() + " ms; leases last " + handOver.lease().toMillis() + " ms");
    }

    /** Where the outbox reserves room for the deliveries it hands over. */
    public HandOver handOver() {
        return handOver;
    }

    /** Committed: the handed-over deliveries are fed to the senders; rows left in the table are claimed soon. */
    void recorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesRecorded recorded) {
        handOver.committed(recorded);
        if (recorded.count() > recorded.handed().size()) loop.wakeToClaimSoon();
    }

    void rolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) DeliveriesRecorded recorded) {
        handOver.cancel(recorded.handed());
    }

    /** A batch of outcomes was recorded (or failed to be): its room frees, and a retry it scheduled is woken for. */
    private void outcomesRecorded(int count, Optional<Instant> earliestRetry) {
        inFlight.release(count);
        earliestRetry.ifPresent(loop::wakeToClaimAt);
        loop.wake();
    }

    /**
     * The application stops: nothing of this deployment runs afterwards, and what it held is given back
     * ({@link Stop}). Also on the event before the application context goes, which some servers'
     * redeploys send where the {@code @PreDestroy} comes late or not at all.
     */
    @PreDestroy
    void stop() {
        if (!stopped.compareAndSet(false, true)) return;
        if (poller != null) poller.cancel(false);
        stop.run(STOP_WAIT);
        LOG.info(() -> "Dispatcher " + instance + " stopped");
    }

    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        stop();
    }

    private void poll() {
        if (stopped.get()) return;
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
        loop.wakeToClaim();
    }
}
