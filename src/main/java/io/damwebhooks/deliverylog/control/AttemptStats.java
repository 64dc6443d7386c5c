package io.damwebhooks.deliverylog.control;

import io.damwebhooks.delivery.entity.AttemptResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hibernate.Session;

/**
 * Keeps attempts counted per webhook and minute ({@code attempt_stats}, V8) for {@code GET
 * /webhooks/{id}/stats}: {@code Outcomes} tallies a batch and adds it here, in its own transaction, so
 * the counts commit exactly with the attempts. Adding is an upsert that adds in the database
 * (PostgreSQL's ON CONFLICT, H2's MERGE), never a read and a write back, so instances recording the
 * same minute at once both count; rows are written in key order, so two of them never deadlock.
 * On H2 one process owns the file and records outcomes on one thread at a time.
 */
@ApplicationScoped
public class AttemptStats {

    static final String COLUMNS = "webhook_id, minute_at, succeeded, failed, max_ms, "
            + IntStream.range(0, LatencyHistogram.BUCKETS).mapToObj(i -> "b" + i).collect(Collectors.joining(", "));

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    /** The attempts of one outcome batch, per webhook and minute of their start. */
    public static final class Tally {
        final Map<String, MinuteStats> rows = new LinkedHashMap<>();

        public void count(String webhookId, AttemptResult result) {
            Instant minute = result.startedAt().truncatedTo(ChronoUnit.MINUTES);
            rows.computeIfAbsent(webhookId + " " + minute, key -> new MinuteStats(webhookId, minute))
                    .count(result.succeeded(), result.durationMs());
        }
    }

    /** Adds the tally in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Tally tally) {
        if (tally.rows.isEmpty()) return;
        em.unwrap(Session.class).doWork(connection -> add(connection, List.copyOf(tally.rows.values())));
    }

    /** Forgets the minutes before {@code cutoff}; answers how many rows went. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purge(Instant cutoff) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM attempt_stats WHERE minute_at < ?")) {
                delete.setObject(1, utc(cutoff));
                return delete.executeUpdate();
            }
        });
    }

    static void add(Connection connection, List<MinuteStats> rows) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (PreparedStatement upsert = connection.prepareStatement(postgres ? postgresUpsert() : h2Merge())) {
            for (MinuteStats row : rows.stream().sorted(Comparator.comparing((MinuteStats r) -> r.webhookId)
                    .thenComparing(r -> r.minute)).toList()) {
                upsert.setString(1, row.webhookId);
                upsert.setObject(2, utc(row.minute));
                upsert.setLong(3, row.succeeded);
                upsert.setLong(4, row.failed);
                upsert.setLong(5, row.maxMs);
                for (int i = 0; i < row.buckets.length; i++) upsert.setLong(6 + i, row.buckets[i]);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static String postgresUpsert() {
        return "INSERT INTO attempt_stats (" + COLUMNS + ") VALUES (" + "?, ".repeat(4 + LatencyHistogram.BUCKETS) + "?)"
                + " ON CONFLICT (webhook_id, minute_at) DO UPDATE SET " + sums("attempt_stats", "EXCLUDED");
    }

    private static String h2Merge() {
        String casts = "CAST(? AS VARCHAR(40)), CAST(? AS TIMESTAMP WITH TIME ZONE), "
                + "CAST(? AS BIGINT), ".repeat(2 + LatencyHistogram.BUCKETS) + "CAST(? AS BIGINT)";
        return "MERGE INTO attempt_stats t USING (VALUES (" + casts + ")) s (" + COLUMNS + ")"
                + " ON t.webhook_id = s.webhook_id AND t.minute_at = s.minute_at"
                + " WHEN MATCHED THEN UPDATE SET " + sums("t", "s")
                + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES ("
                + COLUMNS.replaceAll("(\\w+)", "s.$1") + ")";
    }

    private static String sums(String table, String added) {
        return "succeeded = " + table + ".succeeded + " + added + ".succeeded, failed = " + table + ".failed + " + added + ".failed, "
                + "max_ms = GREATEST(" + table + ".max_ms, " + added + ".max_ms), "
                + IntStream.range(0, LatencyHistogram.BUCKETS).mapToObj(i -> "b" + i + " = " + table + ".b" + i + " + " + added + ".b" + i)
                .collect(Collectors.joining(", "));
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
