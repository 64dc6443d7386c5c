package io.damwebhooks.delivery.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import io.damwebhooks.platform.control.Migrations;

/** The service's schema, migrated by its own scripts, for tests of the delivery engine's SQL on H2 and PostgreSQL. */
final class Schema {

    private Schema() { }

    static void migrate(DataSource dataSource) {
        Migrations.configuration(dataSource).load().migrate();
    }

    /** A webhook row, named like its id, created at {@code at}. */
    static void webhook(Connection c, String id, boolean active, Instant at) throws Exception {
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
