package io.damwebhooks.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The service's own database work — claiming, recording outcomes, purging — retried in memory on a
 * transient database error ({@link TransientDatabaseError}). Each piece of work is a call to a
 * {@code @Transactional} bean, so each try runs in a transaction of its own: that interceptor would run
 * inside Fault Tolerance's if the retry sat on the bean itself, and a retry would reuse the failed
 * transaction. Above all for outcomes: a batch that failed to record would be sent again when its leases
 * ran out. Everything passed here must be safe to try again. {@code maxDuration} stays well below the
 * delivery lease. One method per kind of work, so each can be tuned by its Fault Tolerance key
 * ({@code …DatabaseRetry/record/Retry/maxRetries}).
 */
@ApplicationScoped
@Retry(retryOn = TransientDatabaseError.class, maxRetries = 5, delay = 500, jitter = 250, maxDuration = 20_000)
public class DatabaseRetry {

    public <T> T claim(Supplier<T> claim) {
        return TransientDatabaseError.translate(claim);
    }

    public <T> T record(Supplier<T> outcomes) {
        return TransientDatabaseError.translate(outcomes);
    }

    public int purge(IntSupplier purge) {
        return TransientDatabaseError.translate(purge::getAsInt);
    }
}
