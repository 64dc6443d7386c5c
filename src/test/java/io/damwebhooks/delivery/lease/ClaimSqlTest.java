package io.damwebhooks.delivery.lease;

import io.damwebhooks.delivery.entity.Receiver;
import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.delivery.entity.Receiver;
import io.damwebhooks.platform.control.Schema;
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
        checkLeasedRead(dataSource);
    }

    /**
     * The claim's last statement ({@link Claims#leased}): of the ids it leased, only the rows under this very
     * lease (instance and time), with their bodies, oldest due first — the timestamp bound as the UPDATE wrote it.
     */
    private void checkLeasedRead(DataSource dataSource) throws Exception {
        Instant until = NOW.plusSeconds(60);
        Instant other = NOW.plusSeconds(61);
        try (Connection c = dataSource.getConnection()) {
            leased(c, "msg_l2", NOW.minusSeconds(2), "me", until);
            leased(c, "msg_l1", NOW.minusSeconds(3), "me", until);
            leased(c, "msg_theirs", NOW.minusSeconds(4), "them", until);
            leased(c, "msg_earlier_lease", NOW.minusSeconds(5), "me", other);
            Receiver receiver = new Receiver("wh_a", "A", "https", "https://a.example.com/hook", io.damwebhooks.webhook.entity.AuthType.NONE,
                    null, null, null, null, null, null, List.of(), List.of("whsec_c2VjcmV0"));
            List<Leased> read = Claims.leased(c, List.of("msg_l2", "msg_l1", "msg_theirs", "msg_earlier_lease", "msg_1"),
                    "me", until, java.util.Map.of("wh_a", receiver));
            assertEquals(List.of("msg_l1", "msg_l2"), read.stream().map(Leased::deliveryId).toList());
            assertEquals("{\"n\":\"msg_l1\"}", read.get(0).payload());
            assertEquals(3, read.get(0).attemptNumber(), "the attempt after the two recorded");
            assertEquals(receiver, read.get(0).receiver());
        }
    }

    private static void leased(Connection c, String id, Instant due, String instance, Instant until) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO delivery (id, webhook_id, event_id, event_type,"
                + " status, attempt_count, next_attempt_at, lease_until, leased_by, created_at, updated_at)"
                + " VALUES (?, 'wh_a', 'evt', 'asset.uploaded', 'pending', 2, ?, ?, ?, ?, ?)");
             PreparedStatement body = c.prepareStatement("INSERT INTO delivery_payload (delivery_id, payload) VALUES (?, ?)")) {
            insert.setString(1, id);
            insert.setTimestamp(2, Timestamp.from(due));
            insert.setObject(3, java.time.OffsetDateTime.ofInstant(until, java.time.ZoneOffset.UTC));
            insert.setString(4, instance);
            insert.setTimestamp(5, Timestamp.from(NOW));
            insert.setTimestamp(6, Timestamp.from(NOW));
            insert.executeUpdate();
            body.setString(1, id);
            body.setString(2, "{\"n\":\"" + id + "\"}");
            body.executeUpdate();
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
