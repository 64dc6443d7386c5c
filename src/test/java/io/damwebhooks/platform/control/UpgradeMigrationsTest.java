package io.damwebhooks.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * An installation upgraded from before the bodies had their own table (V4): a delivery recorded then
 * keeps its exact body, gets the uuid of its asset from the bodies of its event (V6, 6.1), and its search
 * columns (V10), on both databases the service runs on.
 */
class UpgradeMigrationsTest {

    static final String BODY = "{\"type\":\"asset.uploaded\",\"data\":{\"note\":\"é ✓\"}}";
    /** The same event's body for a webhook that selected {@code file.uuid}. */
    static final String WITH_UUID = "{\"type\":\"asset.uploaded\",\"data\":{\"asset\":{\"uuid\":\"a-1\"}}}";
    static final String TEST = "{\"type\":\"webhook.test\",\"data\":{}}";

    @Test
    void onH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:upgrade;DB_CLOSE_DELAY=-1");
        check(h2);
    }

    @Test
    void onPostgreSql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            check(postgres.getPostgresDatabase());
        }
    }

    private static void check(DataSource dataSource) throws Exception {
        flyway(dataSource, MigrationVersion.fromVersion("3")).migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO webhook (id, name, active, scheme, hostname, path, auth_type, headers, triggers,"
                    + " fields, signing_secret, created_at, updated_at, version) VALUES ('wh_1', 'old', TRUE, 'https',"
                    + " 'example.com', '/', 'NONE', '[]', '[]', '[]', 'x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            insert(sql, "msg_1", "evt", "asset.uploaded", BODY);
            insert(sql, "msg_2", "evt", "asset.uploaded", WITH_UUID);
            insert(sql, "msg_3", "evt_test", "webhook.test", TEST);
        }
        flyway(dataSource, MigrationVersion.LATEST).migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT d.status, p.payload FROM delivery d"
                     + " JOIN delivery_payload p ON p.delivery_id = d.id WHERE d.id = 'msg_1'")) {
            rows.next();
            assertEquals("pending", rows.getString(1));
            assertEquals(BODY, rows.getString(2));
        }
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT id, asset_uuid FROM delivery ORDER BY id")) {
            Map<String, String> uuids = new HashMap<>();
            while (rows.next()) uuids.put(rows.getString(1), rows.getString(2));
            Map<String, String> expected = new HashMap<>(Map.of("msg_1", "a-1", "msg_2", "a-1"));
            expected.put("msg_3", null);
            assertEquals(expected, uuids);
        }
        // V10: every delivery recorded before has its search columns, backfilled uuid included
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT id, webhook_id, event_type, asset_uuid FROM delivery_search ORDER BY id")) {
            StringBuilder found = new StringBuilder();
            while (rows.next()) {
                found.append(rows.getString(1)).append(' ').append(rows.getString(2)).append(' ')
                        .append(rows.getString(3)).append(' ').append(rows.getString(4)).append('\n');
            }
            assertEquals("msg_1 wh_1 asset.uploaded a-1\nmsg_2 wh_1 asset.uploaded a-1\nmsg_3 wh_1 webhook.test null\n", found.toString());
        }
    }

    private static void insert(Statement sql, String id, String eventId, String type, String body) throws Exception {
        sql.executeUpdate("INSERT INTO delivery (id, webhook_id, event_id, event_type, payload, status, attempt_count,"
                + " next_attempt_at, created_at, updated_at) VALUES ('" + id + "', 'wh_1', '" + eventId + "', '" + type
                + "', '" + body + "', 'pending', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    }

    private static Flyway flyway(DataSource dataSource, MigrationVersion target) {
        return Migrations.configuration(dataSource).target(target).load();
    }
}
