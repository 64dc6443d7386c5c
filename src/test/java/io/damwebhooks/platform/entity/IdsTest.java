package io.damwebhooks.platform.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Ids sort in the order they were made, also many within one millisecond: per-asset ordering relies on it. */
class IdsTest {

    @Test
    void strictlyIncreasingWithinAProcess() {
        String previous = Ids.next("msg");
        for (int i = 0; i < 100_000; i++) {
            String next = Ids.next("msg");
            assertTrue(next.compareTo(previous) > 0, previous + " then " + next);
            assertEquals(30, next.length());
            previous = next;
        }
    }

    @Test
    void theFirstIdOfAMillisecondBoundsEveryIdMadeThenAndNoEarlierOne() {
        java.time.Instant at = java.time.Instant.parse("2026-11-29T10:00:00.123Z");
        String first = Ids.first("msg", at);
        assertTrue(first.matches("msg_[0-9A-HJKMNP-TV-Z]{10}0{16}"), first);
        for (int i = 0; i < 100; i++) {
            assertTrue(Ids.at("msg", at).compareTo(first) >= 0);
            assertTrue(Ids.at("msg", at.minusMillis(1)).compareTo(first) < 0);
            assertTrue(Ids.at("msg", at).compareTo(Ids.first("msg", at.plusMillis(1))) < 0);
        }
    }
}
