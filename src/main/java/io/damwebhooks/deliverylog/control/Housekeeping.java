package io.damwebhooks.deliverylog.control;

import io.damwebhooks.platform.control.DatabaseRetry;
import io.damwebhooks.platform.control.Durations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges deliveries, accepted events and attempt statistics older than {@code webhooks.delivery.retention}, every
 * {@code webhooks.delivery.purge-interval} and once shortly after start, on an executor the
 * application defines itself (the WAR deploys on a bare server).
 */
@ApplicationScoped
@ManagedScheduledExecutorDefinition(name = Housekeeping.EXECUTOR)
public class Housekeeping {

    static final String EXECUTOR = "java:app/concurrent/webhooks-housekeeping";

    /** The first purge waits this long (or one interval, if shorter): start-up has better things to do. */
    private static final Duration FIRST_PURGE = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    @Resource(lookup = EXECUTOR)
    ManagedScheduledExecutorService executor;

    @Inject
    DatabaseRetry database;

    @Inject
    Retention retention;

    @Inject
    AttemptStats stats;

    @Inject
    @ConfigProperty(name = "webhooks.delivery.retention", defaultValue = "30d")
    String retentionSetting;

    @Inject
    @ConfigProperty(name = "webhooks.delivery.purge-interval", defaultValue = "1h")
    String intervalSetting;

    private volatile ScheduledFuture<?> schedule;
    private volatile boolean stopped;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        Duration keep = positive("webhooks.delivery.retention", retentionSetting);
        Duration every = positive("webhooks.delivery.purge-interval", intervalSetting);
        long first = Math.min(every.toMillis(), FIRST_PURGE.toMillis());
        if (stopped) return;
        schedule = executor.scheduleWithFixedDelay(() -> purge(keep), first, every.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "Deliveries and events older than " + retentionSetting + " are purged every " + intervalSetting);
    }

    /** Also before the application context goes: some servers' redeploys call {@code @PreDestroy} late. */
    @PreDestroy
    void stop() {
        stopped = true;
        if (schedule != null) schedule.cancel(false);
    }

    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        stop();
    }

    void purge(Duration keep) {
        // never let an exception escape: the executor would silently stop running the schedule
        if (stopped) return;
        try {
            Instant cutoff = Instant.now().minus(keep);
            int deliveries = drain(() -> database.purge(() -> retention.deliveries(cutoff)));
            int events = drain(() -> database.purge(() -> retention.events(cutoff)));
            database.purge(() -> stats.purge(cutoff)); // at most a purge interval's minutes per webhook: one statement
            if (deliveries + events > 0) {
                LOG.info(() -> "Purged " + deliveries + " deliveries and " + events + " events from before " + cutoff);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purge failed; the next run tries again", e);
        }
    }

    /** Runs batches until one comes back short. */
    private static int drain(IntSupplier batch) {
        int total = 0;
        int deleted;
        do {
            deleted = batch.getAsInt();
            total += deleted;
        } while (deleted >= Retention.BATCH);
        return total;
    }

    private static Duration positive(String key, String value) {
        Duration duration = Durations.parse(key, value);
        if (duration.isZero()) throw new IllegalArgumentException(key + " must be longer than 0");
        return duration;
    }
}
