package io.damwebhooks.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accepted-to-received latencies of one measure: the percentiles, and when the slow ones happened. A
 * p99 over 15 s at 1,000 deliveries/s is set by 150 deliveries, so one stall of a few hundred
 * milliseconds decides it; the timeline says whether the tail is one stall or spread over the window.
 */
final class Latencies {

    static final long SLOW_MS = 100;
    static final long BUCKET_NANOS = 250_000_000L;

    private final List<Long> micros = new ArrayList<>();
    /** Per quarter-second of acceptance: deliveries slower than {@link #SLOW_MS}, and the slowest, in ms. */
    private final TreeMap<Long, long[]> slowByQuarter = new TreeMap<>();

    /**
     * @param acceptedAt when each event's 202 was read (nanoTime), by event id: the events of this measure
     * @param eventOf    event id per delivery ({@code webhook-id}), of every measure so far
     * @param arrivals   when each delivery first arrived (nanoTime), per {@code webhook-id}
     */
    Latencies(Map<String, Long> acceptedAt, Map<String, String> eventOf, Map<String, Long> arrivals) {
        long first = acceptedAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        eventOf.forEach((webhookId, eventId) -> {
            Long accepted = eventId == null ? null : acceptedAt.get(eventId);
            if (accepted == null) return;
            // received before the client read its 202: counted as 0
            long latency = Math.max(0, (arrivals.get(webhookId) - accepted) / 1000);
            micros.add(latency);
            if (latency / 1000 > SLOW_MS) {
                long[] slow = slowByQuarter.computeIfAbsent((accepted - first) / BUCKET_NANOS, k -> new long[2]);
                slow[0]++;
                slow[1] = Math.max(slow[1], latency / 1000);
            }
        });
        micros.sort(Long::compare);
    }

    int count() {
        return micros.size();
    }

    double percentileMillis(double fraction) {
        return micros.get((int) (micros.size() * fraction)) / 1000.0;
    }

    /** E.g. "1.25 s: 53 (max 325 ms)", one entry per quarter-second that had deliveries over 100 ms. */
    String slowTimeline() {
        StringBuilder text = new StringBuilder();
        slowByQuarter.forEach((quarter, slow) -> text.append(String.format("%s%.2f s: %d (max %d ms)",
                text.isEmpty() ? "" : "; ", quarter / 4.0, slow[0], slow[1])));
        return text.isEmpty() ? "none" : text.toString();
    }
}
