package io.damwebhooks.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of the statements the service runs with plain JDBC, bound as Hibernate binds the same
 * columns: an {@link Instant} as a {@code TIMESTAMP WITH TIME ZONE} in UTC, a null with its SQL type
 * (PostgreSQL's driver needs the type of a null); IN lists padded as Hibernate pads them; a row per
 * item in one batch.
 */
public final class SqlValues {

    private SqlValues() { }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        else statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    public static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) statement.setNull(index, Types.INTEGER);
        else statement.setInt(index, value);
    }

    /**
     * The ids of an IN list, padded to the next power of two by repeating the last: statements then come
     * in a handful of texts, not one per count, and stay in the databases' statement caches (H2 keeps 8
     * per session) — what {@code hibernate.query.in_clause_parameter_padding} does for JPQL.
     */
    public static List<String> padded(List<String> ids) {
        int size = Integer.highestOneBit(Math.max(1, ids.size()) - 1) << 1;
        if (ids.size() <= 1 || size == ids.size()) return ids;
        List<String> padded = new ArrayList<>(ids);
        while (padded.size() < size) padded.add(ids.get(ids.size() - 1));
        return padded;
    }

    /** {@code ?, ?, ?} for {@code count} parameters. */
    public static String placeholders(int count) {
        return "?" + ", ?".repeat(Math.max(0, count - 1));
    }

    /** Binds one row of a batch. */
    @FunctionalInterface
    public interface Row<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /** One statement, executed as one JDBC batch of a row per item (on PostgreSQL one multi-row INSERT). */
    public static <T> void batch(Connection connection, String sql, List<T> items, Row<T> row) throws SQLException {
        if (items.isEmpty()) return;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T item : items) {
                row.bind(statement, item);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
