package io.damwebhooks.deliverylog.control;

import io.damwebhooks.delivery.entity.AttemptResult;
import io.damwebhooks.platform.control.Schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The statistics' SQL on both databases with the real schema, against a scripted history of attempts
 * with known start times, durations and answers: counts per bucket, percentiles from the histogram,
 * adding to a minute already counted (also from two connections at once), and the purge.
 */
class AttemptStatsTest {

    static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void onH2() throws Exception {
        Schema.onH2("stats", database -> check(database, false));
    }

    @Test
    void onPostgreSql() throws Exception {
        Schema.onPostgreSql(database -> check(database, true));
    }

    private static void check(DataSource dataSource, boolean concurrently) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            Schema.webhook(c, "wh_a", true, T);
            Schema.webhook(c, "wh_b", true, T);
            // 10:00–10:09:30: 20 attempts of 31 ms (2xx), 30 s apart; at 10:05 one 503 after 400 ms and one timeout at 15 s
            AttemptStats.Tally first = new AttemptStats.Tally();
            for (int i = 0; i < 20; i++) first.count("wh_a", attempt(T.plusSeconds(i * 30), 31, 200));
            first.count("wh_a", attempt(T.plusSeconds(300), 400, 503));
            first.count("wh_a", attempt(T.plusSeconds(301), 15_000, null));
            first.count("wh_b", attempt(T.plusSeconds(10), 5, 204));
            AttemptStats.add(c, List.copyOf(first.rows.values()));
            // a second batch into a minute already counted (10:00), and 11:30
            AttemptStats.Tally second = new AttemptStats.Tally();
            second.count("wh_a", attempt(T.plusSeconds(59), 8, 201));
            second.count("wh_a", attempt(T.plus(Duration.ofMinutes(90)), 2_000, 500));
            AttemptStats.add(c, List.copyOf(second.rows.values()));
        }
        if (concurrently) addFromTwoConnectionsAtOnce(dataSource);
        int extra = concurrently ? 2 : 0;

        try (Connection c = dataSource.getConnection()) {
            List<MinuteStats> hours = StatsReport.buckets(c, "wh_a", T.minus(Duration.ofHours(1)), T.plus(Duration.ofHours(2)), Duration.ofHours(1));
            assertEquals(List.of(T.minus(Duration.ofHours(1)), T, T.plus(Duration.ofHours(1))), hours.stream().map(MinuteStats::start).toList());
            assertEquals(0, hours.get(0).succeeded() + hours.get(0).failed());
            assertNull(hours.get(0).percentileMs(0.5), "an empty bucket has no percentile");
            MinuteStats ten = hours.get(1);
            assertEquals(21 + extra, ten.succeeded());
            assertEquals(2, ten.failed());
            assertEquals(50L, ten.percentileMs(0.5), "the median lies in 25–50 ms");
            assertEquals(500L, ten.percentileMs(0.95), "rank 22 of 23 (25 of 25) is the 400 ms attempt: bucket 250–500");
            MinuteStats eleven = hours.get(2);
            assertEquals(0, eleven.succeeded());
            assertEquals(1, eleven.failed());
            assertEquals(2_000L, eleven.percentileMs(0.5), "capped at the slowest attempt counted: 1000–2500 ms held only 2000");

            List<MinuteStats> minutes = StatsReport.buckets(c, "wh_a", T, T.plus(Duration.ofMinutes(10)), Duration.ofMinutes(5));
            assertEquals(List.of(11L + extra, 10L), minutes.stream().map(MinuteStats::succeeded).toList());
            assertEquals(List.of(0L, 2L), minutes.stream().map(MinuteStats::failed).toList());
            assertEquals(15_000L, minutes.get(1).percentileMs(0.95), "the slowest attempt, above 10 s");
            assertEquals(1, StatsReport.buckets(c, "wh_b", T, T.plus(Duration.ofDays(1)), Duration.ofDays(1)).get(0).succeeded(),
                    "another webhook's attempts are its own");
        }
        try (Connection c = dataSource.getConnection()) {
            var purge = c.prepareStatement("DELETE FROM attempt_stats WHERE minute_at < ?");
            purge.setObject(1, AttemptStats.utc(T.plus(Duration.ofHours(1))));
            assertEquals(11, purge.executeUpdate(), "the ten minutes 10:00–10:09 of wh_a, 10:00 of wh_b");
            assertEquals(1, StatsReport.buckets(c, "wh_a", T, T.plus(Duration.ofHours(2)), Duration.ofHours(2)).get(0).failed());
        }
    }

    /** Two instances recording the same minute in the same moment: both counts land (no lost update). */
    private static void addFromTwoConnectionsAtOnce(DataSource dataSource) throws Exception {
        try (Connection one = dataSource.getConnection(); Connection two = dataSource.getConnection()) {
            one.setAutoCommit(false);
            two.setAutoCommit(false);
            AttemptStats.Tally tally = new AttemptStats.Tally();
            tally.count("wh_a", attempt(T.plusSeconds(1), 30, 200));
            AttemptStats.add(one, List.copyOf(tally.rows.values()));
            // the second waits on the first's row lock, then adds to what the first committed
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    AttemptStats.add(two, List.copyOf(tally.rows.values()));
                    two.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            one.commit();
            waiting.get();
        }
    }

    private static AttemptResult attempt(Instant startedAt, long durationMs, Integer status) {
        return new AttemptResult(startedAt, durationMs, status, status == null ? "timed out" : null, null, Optional.empty());
    }
}
