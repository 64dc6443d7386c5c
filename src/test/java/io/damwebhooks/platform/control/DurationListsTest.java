package io.damwebhooks.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationListsTest {

    @Test
    void readsEveryUnit() {
        assertEquals(Duration.ofMillis(100), Durations.parse("k", "100ms"));
        assertEquals(Duration.ofSeconds(5), Durations.parse("k", "5s"));
        assertEquals(Duration.ofMinutes(30), Durations.parse("k", " 30m "));
        assertEquals(Duration.ofHours(2), Durations.parse("k", "2h"));
        assertEquals(Duration.ofDays(5), Durations.parse("k", "5d"));
    }

    @Test
    void readsTheDefaultRetryDelays() {
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                        Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)),
                Durations.parseList("k", "5s,5m,30m,2h,5h,10h,10h"));
        assertEquals(List.of(), Durations.parseList("k", ""));
    }

    @Test
    void refusesWhatItCannotRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("webhooks.delivery.timeout", "15"));
        assertEquals("webhooks.delivery.timeout: '15' is not a duration like 100ms, 5s, 30m, 2h or 5d", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("k", "1.5s"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parseList("k", "5s,,5m"));
    }
}
