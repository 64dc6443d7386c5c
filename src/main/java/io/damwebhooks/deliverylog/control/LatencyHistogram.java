package io.damwebhooks.deliverylog.control;

/**
 * Attempt durations counted in fixed buckets, so that a minute's counts of several instances simply
 * add up in the database and percentiles of any span are read from the sums. A percentile is the upper
 * bound of the bucket it falls in, or the slowest attempt counted when that is lower (so attempts that
 * all took 31 ms read as 31, not 50); above the last bound, the slowest attempt.
 */
public final class LatencyHistogram {

    /** Upper bounds in ms of buckets b0..b10 (V8's attempt_stats); b11 counts what took longer. */
    static final long[] BOUNDS = {10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000};
    static final int BUCKETS = BOUNDS.length + 1;

    private LatencyHistogram() { }

    static int bucketOf(long durationMs) {
        for (int i = 0; i < BOUNDS.length; i++) {
            if (durationMs <= BOUNDS[i]) return i;
        }
        return BOUNDS.length;
    }

    /** The {@code quantile} (0.5 for p50) of the counted attempts in ms; null when none was counted. */
    public static Long percentile(long[] counts, long maxMs, double quantile) {
        long total = 0;
        for (long count : counts) total += count;
        if (total == 0) return null;
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) return i < BOUNDS.length ? Math.min(BOUNDS[i], maxMs) : maxMs;
        }
        return maxMs;
    }
}
