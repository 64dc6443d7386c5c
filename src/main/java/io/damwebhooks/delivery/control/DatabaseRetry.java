package io.damwebhooks.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The dispatcher's and the purge's own database work — claiming, recording outcomes, purging — retried
 * in memory on a transient database error ({@link TransientDatabaseError}), each try in a transaction of
 * its own. Above all for outcomes: a batch that failed to record would be sent again when its leases
 * ran out, so a blip of the database would turn finished attempts into duplicate sends. Every piece of
 * work here may be tried again: an outcome is written only for a delivery still pending and leased by
 * this instance, a claim takes only unleased rows, a purge deletes what is still there.
 * <p>
 * A separate bean from {@link Claims}, {@link Outcomes} and {@link Retention}: their
 * {@code @Transactional} interceptor runs outside Fault Tolerance's, so a retry on their own methods
 * would run inside the failed transaction. {@code maxDuration} stays well below the lease.
 */
@ApplicationScoped
@Retry(retryOn = TransientDatabaseError.class, maxRetries = 5, delay = 500, jitter = 250, maxDuration = 20_000)
public class DatabaseRetry {

    @Inject Claims claims;
    @Inject Outcomes outcomes;
    @Inject Retention retention;
    @Inject AttemptStats stats;

    public ClaimBatch claim(int limit, ToIntFunction<String> roomOf, String instance, Duration lease, Instant now) {
        return TransientDatabaseError.translate(() -> claims.claim(limit, roomOf, instance, lease, now));
    }

    public Optional<Instant> record(List<Outcome> batch, String instance) {
        return TransientDatabaseError.translate(() -> outcomes.record(batch, instance));
    }

    public int purgeDeliveries(Instant cutoff) {
        return TransientDatabaseError.translate(() -> retention.deliveries(cutoff));
    }

    public int purgeEvents(Instant cutoff) {
        return TransientDatabaseError.translate(() -> retention.events(cutoff));
    }

    public int purgeStats(Instant cutoff) {
        return TransientDatabaseError.translate(() -> stats.purge(cutoff));
    }
}
