package io.damwebhooks.delivery.lease;

import io.damwebhooks.platform.control.Schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The release statements on both databases, with the real schema. */
class LeaseRecoveryTest {

    static final Instant NOW = Instant.now();

    @Test
    void onAnH2FileEveryLeaseIsADeadProcesssOnASharedDatabaseOnlyOurOwn() {
        assertTrue(LeaseRecovery.soleUser("jdbc:h2:file:/data/webhooks;WRITE_DELAY=0"));
        assertTrue(LeaseRecovery.soleUser("jdbc:h2:/data/webhooks"));
        assertFalse(LeaseRecovery.soleUser("jdbc:h2:file:/data/webhooks;AUTO_SERVER=TRUE"));
        assertFalse(LeaseRecovery.soleUser("jdbc:h2:tcp://db/webhooks"));
        assertFalse(LeaseRecovery.soleUser("jdbc:postgresql://db/webhooks"));
        assertFalse(LeaseRecovery.soleUser(null), "a server datasource may be shared");
    }

    @Test
    void onH2() throws Exception {
        Schema.onH2("leases", this::check);
    }

    @Test
    void onPostgreSql() throws Exception {
        Schema.onPostgreSql(this::check);
    }

    private void check(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            Schema.webhook(c, "wh_a", true, NOW);
            delivery(c, "msg_mine", "pending", "host:8113");
            delivery(c, "msg_other", "pending", "host:8114");
            delivery(c, "msg_done", "succeeded", "host:8113");
            assertEquals(1, LeaseRecovery.release(c, "host:8113"));
            assertEquals(List.of("msg_other"), leased(c));
            assertEquals(1, LeaseRecovery.release(c, null));
            assertEquals(List.of(), leased(c));
        }
    }

    private static void delivery(Connection c, String id, String status, String leasedBy) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO delivery (id, webhook_id, event_id, event_type,"
                + " status, attempt_count, next_attempt_at, lease_until, leased_by, created_at, updated_at)"
                + " VALUES (?, 'wh_a', 'e', 'asset.uploaded', ?, 0, ?, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(NOW);
            insert.setString(1, id);
            insert.setString(2, status);
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, Timestamp.from(NOW.plusSeconds(60)));
            insert.setString(5, leasedBy);
            insert.setTimestamp(6, now);
            insert.setTimestamp(7, now);
            insert.executeUpdate();
        }
    }

    private static List<String> leased(Connection c) throws Exception {
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = c.createStatement().executeQuery(
                "SELECT id FROM delivery WHERE status = 'pending' AND lease_until IS NOT NULL ORDER BY id")) {
            while (rows.next()) ids.add(rows.getString(1));
        }
        return ids;
    }
}
