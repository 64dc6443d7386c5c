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
}
