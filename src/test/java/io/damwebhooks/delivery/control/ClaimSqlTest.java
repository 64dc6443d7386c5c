package io.damwebhooks.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The claim query on both databases the service runs on, with the real schema: two dispatchers
 * claiming at the same moment pass each other by (SKIP LOCKED), leases are respected, and a webhook's
 * oldest due rows come first.
 */
class ClaimSqlTest {

    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void onH2() throws Exception {
        Schema.onH2("claims", this::check);
    }

    @Test
    void onPostgreSql() throws Exception {
        Schema.onPostgreSql(this::check);
    }

    private void check(DataSource dataSource) throws Exception {
        try (Connection setup = dataSource.getConnection()) {
            webhook(setup, "wh_a", true);
            webhook(setup, "wh_b", true);
            webhook(setup, "wh_off", false);
            delivery(setup, "msg_1", "wh_a", NOW.minusSeconds(30), null);
            delivery(setup, "msg_2", "wh_a", NOW.minusSeconds(20), null);
            delivery(setup, "msg_3", "wh_b", NOW.minusSeconds(10), null);
            delivery(setup, "msg_expired", "wh_b", NOW.minusSeconds(5), NOW.minusSeconds(1));
            delivery(setup, "msg_leased", "wh_a", NOW.minusSeconds(40), NOW.plusSeconds(60));
            delivery(setup, "msg_later", "wh_a", NOW.plusSeconds(60), null);
            delivery(setup, "msg_inactive", "wh_off", NOW.minusSeconds(50), null);
        }
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertEquals(List.of("msg_1", "msg_2"), due(first, "wh_a", 2));
            assertEquals(List.of(), due(second, "wh_a", 10), "rows the first holds are skipped; leased and future rows are not due");
            assertEquals(List.of("msg_3", "msg_expired"), due(second, "wh_b", 10), "an expired lease is due again");
            second.rollback();
            first.commit();
            assertEquals(List.of("msg_1"), due(first, "wh_a", 1), "oldest due first, up to the limit");
            first.rollback();
        }
    }

    /** The two statements of a claim for one webhook: its due candidates, then those of them not locked by another. */
    private static List<String> due(Connection connection, String webhookId, int limit) throws Exception {
        List<String> candidates = candidates(connection, webhookId, limit);
        if (candidates.isEmpty()) return candidates;
        StringBuilder sql = new StringBuilder("SELECT id FROM delivery WHERE id IN (");
        for (int i = 0; i < candidates.size(); i++) sql.append(i == 0 ? "?" : ", ?");
        try (PreparedStatement lock = connection.prepareStatement(sql.append(") FOR UPDATE SKIP LOCKED").toString())) {
            for (int i = 0; i < candidates.size(); i++) lock.setString(i + 1, candidates.get(i));
            List<String> locked = new ArrayList<>();
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) locked.add(rows.getString(1));
            }
            locked.sort(java.util.Comparator.comparing(candidates::indexOf));
            return locked;
        }
    }

    private static List<String> candidates(Connection connection, String webhookId, int limit) throws Exception {
        String sql = Claims.DUE.replaceAll("\\?\\d+", "?") + " FETCH FIRST " + limit + " ROWS ONLY";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, webhookId);
            select.setTimestamp(2, Timestamp.from(NOW));
            select.setTimestamp(3, Timestamp.from(NOW));
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    private static void webhook(Connection c, String id, boolean active) throws Exception {
        Schema.webhook(c, id, active, NOW);
    }


    private static void delivery(Connection c, String id, String webhookId, Instant due, Instant leaseUntil) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO delivery (id, webhook_id, event_id, event_type,"
                + " status, attempt_count, next_attempt_at, lease_until, created_at, updated_at)"
                + " VALUES (?, ?, 'evt', 'asset.uploaded', 'pending', 0, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, webhookId);
            insert.setTimestamp(3, Timestamp.from(due));
            insert.setTimestamp(4, leaseUntil == null ? null : Timestamp.from(leaseUntil));
            insert.setTimestamp(5, Timestamp.from(NOW));
            insert.setTimestamp(6, Timestamp.from(NOW));
            insert.executeUpdate();
        }
    }
}
