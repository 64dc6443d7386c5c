package io.damwebhooks.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    static final long MS = 1_000_000L;

    @Test
    void percentilesCountADeliveryReceivedBeforeIts202AsZeroAndTheTimelineNamesTheSlowQuarterSeconds() {
        Map<String, Long> acceptedAt = Map.of("evt_1", 0L, "evt_2", 300 * MS, "evt_other", 0L);
        Map<String, String> eventOf = new HashMap<>();
        eventOf.put("msg_1", "evt_1");   // 50 ms
        eventOf.put("msg_2", "evt_2");   // 150 ms: slow, in the second quarter-second
        eventOf.put("msg_3", "evt_2");   // arrived before the 202 was read: 0
        eventOf.put("msg_4", "evt_warmup"); // another measure's event: left out
        Map<String, Long> arrivals = Map.of("msg_1", 50 * MS, "msg_2", 450 * MS, "msg_3", 299 * MS, "msg_4", 0L);

        Latencies latencies = new Latencies(acceptedAt, eventOf, arrivals);

        assertEquals(3, latencies.count());
        assertEquals(50.0, latencies.percentileMillis(0.5));
        assertEquals(150.0, latencies.percentileMillis(0.99));
        assertEquals("0.25 s: 1 (max 150 ms)", latencies.slowTimeline());
    }

    @Test
    void aWindowWithoutSlowDeliveriesSaysNone() {
        Latencies latencies = new Latencies(Map.of("evt_1", 0L), Map.of("msg_1", "evt_1"), Map.of("msg_1", 99 * MS));
        assertEquals("none", latencies.slowTimeline());
        assertEquals(99.0, latencies.percentileMillis(0.99));
    }
}
