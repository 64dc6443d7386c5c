package io.damwebhooks.delivery.outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When the next attempt happens: after the n-th of {@code webhooks.delivery.retry-delays}, with ±20 %
 * jitter so that many deliveries failing together do not all come back in the same instant. A
 * receiver's {@code Retry-After} replaces the delay, capped at the longest configured one so a
 * receiver cannot park a message forever.
 */
public class RetryPolicy {

    static final double JITTER = 0.2;

    private final List<Duration> delays;
    private final Duration longest;

    public RetryPolicy(List<Duration> delays) {
        this.delays = List.copyOf(delays);
        this.longest = delays.isEmpty() ? Duration.ZERO : Collections.max(delays);
    }

    /** Attempts a delivery may have in all: the first plus one per delay. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /**
     * When to try again after attempt {@code attemptsMade} failed, or empty when none is left.
     * {@code retryAfter} is what the receiver asked for, if anything.
     */
    public Optional<Instant> next(int attemptsMade, Instant now, Optional<Duration> retryAfter) {
        if (attemptsMade >= maxAttempts()) return Optional.empty();
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
            return Optional.of(now.plus(asked.compareTo(longest) > 0 ? longest : asked));
        }
        Duration base = delays.get(attemptsMade - 1);
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return Optional.of(now.plusMillis(Math.round(base.toMillis() * factor)));
    }
}
