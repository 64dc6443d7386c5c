package io.damwebhooks.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void everyUnit() {
        assertEquals(Duration.ofMillis(250), Durations.parse("k", "250ms"));
        assertEquals(Duration.ofSeconds(5), Durations.parse("k", "5s"));
        assertEquals(Duration.ofMinutes(30), Durations.parse("k", "30m"));
        assertEquals(Duration.ofHours(2), Durations.parse("k", "2h"));
        assertEquals(Duration.ofDays(30), Durations.parse("k", "30d"));
    }

    @Test
    void spacesAroundAreForgiven() {
        assertEquals(Duration.ofHours(1), Durations.parse("k", " 1 h "));
        assertEquals(Duration.ZERO, Durations.parse("k", "0s"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"30", "d", "1.5h", "-1h", "1w", "1H", "PT1H", "1h30m", "1 day", "9999999999999d"})
    void anythingElseIsRefusedQuotingIt(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Durations.parse("k", text));
        assertTrue(refused.getMessage().contains("'" + text + "'"), refused.getMessage());
    }

    @Test
    void listsReadTheDefaultRetryDelays() {
        assertEquals(java.util.List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                        Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)),
                Durations.parseList("k", "5s,5m,30m,2h,5h,10h,10h"));
        assertEquals(java.util.List.of(), Durations.parseList("k", ""));
        assertThrows(IllegalArgumentException.class, () -> Durations.parseList("k", "5s,,5m"));
    }

    @Test
    void aRefusalNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("webhooks.delivery.timeout", "15"));
        assertEquals("webhooks.delivery.timeout: '15' is not a duration like 100ms, 5s, 30m, 2h or 5d", e.getMessage());
    }
}
