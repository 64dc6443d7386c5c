package io.damwebhooks.delivery.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How one attempt went: the receiver's status and the first KiB of its answer, or the error that
 * kept it from answering (timeout, refused address, token endpoint failure).
 */
public record AttemptResult(Instant startedAt, long durationMs, Integer statusCode, String error,
                            String responseBody, Optional<Duration> retryAfter) {

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }

    /** Whether this says the receiver is in trouble (for its circuit): no answer, 429 or 5xx. */
    public boolean receiverTrouble() {
        return statusCode == null || statusCode == 429 || statusCode >= 500;
    }

    public static AttemptResult error(Instant startedAt, long durationMs, String error) {
        return new AttemptResult(startedAt, durationMs, null, error, null, Optional.empty());
    }
}
