package io.damwebhooks.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The service's schema, migrated by its own scripts, for tests of the delivery engine's SQL on H2 and PostgreSQL. */
public final class Schema {

    private Schema() { }

    /** A check of the engine's SQL, given a database its schema was migrated into. */
    public interface Check {
        void run(DataSource migrated) throws Exception;
    }

    /** On an in-memory H2 database; {@code name} may carry URL options ({@code lanes;LOCK_TIMEOUT=10000}). */
    public static void onH2(String name, Check check) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        migrate(h2);
        check.run(h2);
    }

    /** On a PostgreSQL started for the check and stopped after it. */
    public static void onPostgreSql(Check check) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DataSource database = postgres.getPostgresDatabase();
            migrate(database);
            check.run(database);
        }
    }

    public static void migrate(DataSource dataSource) {
        Migrations.configuration(dataSource).load().migrate();
    }

    /** A webhook row, named like its id, created at {@code at}. */
    public static void webhook(Connection c, String id, boolean active, Instant at) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO webhook (id, name, active, scheme, hostname, path,"
                + " auth_type, headers, triggers, fields, signing_secret, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, 'https', 'example.com', '/', 'NONE', '[]', '[]', '[]', 'x', ?, ?, 0)")) {
            insert.setString(1, id);
            insert.setString(2, id);
            insert.setBoolean(3, active);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.setTimestamp(5, Timestamp.from(at));
            insert.executeUpdate();
        }
    }
}
