package io.damwebhooks.bench;

import io.damwebhooks.it.support.DurablePostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * PostgreSQL's own time, from {@code pg_stat_statements}: the benchmark's database is started with the
 * extension loaded, its counters are reset before a measured window and read after it, so the
 * database's execution time and statement count per delivery are known, statement by statement.
 */
final class StatementTimes {

    private StatementTimes() { }

    static EmbeddedPostgres start() throws IOException, SQLException {
        EmbeddedPostgres postgres = DurablePostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        return postgres;
    }

    static void reset(DataSource database) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** Time and calls per delivery since the reset, in all and for the five statements that took longest. */
    static List<String> perDelivery(DataSource database, long deliveries) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet all = s.executeQuery("SELECT sum(total_exec_time), sum(calls) FROM pg_stat_statements")) {
                all.next();
                lines.add(String.format("database time %.3f ms and %.1f statements per delivery",
                        all.getDouble(1) / deliveries, all.getDouble(2) / deliveries));
            }
            try (ResultSet top = s.executeQuery("SELECT total_exec_time, calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 90)"
                    + " FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 6")) {
                while (top.next()) {
                    lines.add(String.format("%.3f ms, %.2f calls per delivery: `%s`", top.getDouble(1) / deliveries,
                            top.getDouble(2) / deliveries, top.getString(3).replace("|", "\\|")));
                }
            }
        }
        return lines;
    }
}
