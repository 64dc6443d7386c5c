package io.damwebhooks.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * An installation upgraded from before the bodies had their own table (V4): a delivery recorded then
 * keeps its exact body, on both databases the service runs on.
 */
class UpgradeMigrationsTest {

    static final String BODY = "{\"type\":\"asset.uploaded\",\"data\":{\"note\":\"é ✓\"}}";

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
            sql.executeUpdate("INSERT INTO delivery (id, webhook_id, event_id, event_type, payload, status, attempt_count,"
                    + " next_attempt_at, created_at, updated_at) VALUES ('msg_1', 'wh_1', 'evt', 'asset.uploaded', '"
                    + BODY + "', 'pending', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        flyway(dataSource, MigrationVersion.LATEST).migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT d.status, p.payload FROM delivery d"
                     + " JOIN delivery_payload p ON p.delivery_id = d.id WHERE d.id = 'msg_1'")) {
            rows.next();
            assertEquals("pending", rows.getString(1));
            assertEquals(BODY, rows.getString(2));
        }
    }

    private static Flyway flyway(DataSource dataSource, MigrationVersion target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .table("webhooks_schema_history").target(target).load();
    }
}
