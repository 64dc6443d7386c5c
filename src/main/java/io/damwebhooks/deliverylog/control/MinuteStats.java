package io.damwebhooks.deliverylog.control;

import java.time.Instant;

/** One webhook's attempts in one minute (or, summed, in a longer span): counts and a latency histogram. */
public final class MinuteStats {

    final String webhookId;
    final Instant minute;
    long succeeded;
    long failed;
    long maxMs;
    final long[] buckets = new long[LatencyHistogram.BUCKETS];

    MinuteStats(String webhookId, Instant minute) {
        this.webhookId = webhookId;
        this.minute = minute;
    }

    void count(boolean success, long durationMs) {
        if (success) succeeded++;
        else failed++;
        maxMs = Math.max(maxMs, durationMs);
        buckets[LatencyHistogram.bucketOf(durationMs)]++;
    }

    void add(MinuteStats other) {
        succeeded += other.succeeded;
        failed += other.failed;
        maxMs = Math.max(maxMs, other.maxMs);
        for (int i = 0; i < buckets.length; i++) buckets[i] += other.buckets[i];
    }

    /** The minute, or the start of the bucket these counts were summed into. */
    public Instant start() {
        return minute;
    }

    public long succeeded() {
        return succeeded;
    }

    public long failed() {
        return failed;
    }

    public Long percentileMs(double quantile) {
        return LatencyHistogram.percentile(buckets, maxMs, quantile);
    }
}
