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
}
