package io.damwebhooks.delivery.outcome;

import io.damwebhooks.delivery.send.RetryAfter;
import io.damwebhooks.platform.control.Durations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    final RetryPolicy policy = new RetryPolicy(Durations.parseList("k", "5s,5m,30m,2h,5h,10h,10h"));

    @Test
    void theNthFailureWaitsTheNthDelayWithinTwentyPercent() {
        List<Duration> delays = Durations.parseList("k", "5s,5m,30m,2h,5h,10h,10h");
        for (int attempt = 1; attempt <= delays.size(); attempt++) {
            long base = delays.get(attempt - 1).toMillis();
            for (int i = 0; i < 200; i++) {
                long wait = Duration.between(NOW, policy.next(attempt, NOW, Optional.empty()).orElseThrow()).toMillis();
                assertTrue(wait >= base * 0.8 && wait <= base * 1.2, "attempt " + attempt + " waits " + wait + " ms");
            }
        }
    }

    @Test
    void jitterSpreadsRetries() {
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> policy.next(1, NOW, Optional.empty()).orElseThrow()).distinct().count();
        assertTrue(distinct > 10, "50 retries at " + distinct + " distinct instants");
    }

    @Test
    void afterTheLastDelayThereIsNoAttemptLeft() {
        assertEquals(8, policy.maxAttempts());
        assertTrue(policy.next(7, NOW, Optional.empty()).isPresent());
        assertEquals(Optional.empty(), policy.next(8, NOW, Optional.empty()));
        assertEquals(Optional.empty(), policy.next(8, NOW, Optional.of(Duration.ofSeconds(1))));
        assertEquals(Optional.empty(), new RetryPolicy(List.of()).next(1, NOW, Optional.empty()));
    }

    @Test
    void retryAfterReplacesTheDelayUpToTheLongest() {
        assertEquals(Optional.of(NOW.plusSeconds(120)), policy.next(1, NOW, Optional.of(Duration.ofSeconds(120))));
        assertEquals(Optional.of(NOW.plus(Duration.ofHours(10))), policy.next(1, NOW, Optional.of(Duration.ofDays(3))));
        assertEquals(Optional.of(NOW), policy.next(1, NOW, Optional.of(Duration.ofSeconds(-5))));
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("30", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Sun, 29 Nov 2026 10:01:30 GMT", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Sun, 29 Nov 2026 09:00:00 GMT", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
    }
}
