package io.damwebhooks.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.damwebhooks.delivery.entity.DeliveryStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The outcome batch's JDBC writes on both databases, with the real schema: only rows still pending and
 * holding the lease this instance took are finished, attempts are written for those alone, and a
 * delivery given back unattempted keeps its due time unless a new one is set.
 */
class OutcomeRowsTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final Instant LEASE = NOW.plusSeconds(60);

    @Test
    void onH2() throws Exception {
        Schema.onH2("outcomes", this::check);
    }

    @Test
    void onPostgreSql() throws Exception {
        Schema.onPostgreSql(this::check);
    }

    private void check(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            Schema.webhook(c, "wh_a", true, NOW);
            delivery(c, "msg_ok", "me", LEASE);
            delivery(c, "msg_retry", "me", LEASE);
            delivery(c, "msg_defer", "me", LEASE);
            delivery(c, "msg_keep", "me", LEASE);
            delivery(c, "msg_other", "other", LEASE); // its lease ran out and another instance claimed it
            delivery(c, "msg_again", "me", LEASE.plusSeconds(5)); // ... or this one claimed it once more
            List<OutcomeRows.Change> changes = List.of(
                    attempted("msg_ok", DeliveryStatus.succeeded, null, 200),
                    attempted("msg_retry", DeliveryStatus.pending, NOW.plusSeconds(5), 500),
                    new OutcomeRows.Change(claimed("msg_defer"), DeliveryStatus.pending, NOW.plusSeconds(30), null, null),
                    new OutcomeRows.Change(claimed("msg_keep"), DeliveryStatus.pending, null, null, null),
                    attempted("msg_other", DeliveryStatus.succeeded, null, 200),
                    attempted("msg_again", DeliveryStatus.succeeded, null, 200));
            c.setAutoCommit(false);
            List<String> ours = OutcomeRows.write(c, changes, "me", NOW).stream().map(ch -> ch.claimed().deliveryId()).sorted().toList();
            c.commit();

            assertEquals(List.of("msg_defer", "msg_keep", "msg_ok", "msg_retry"), ours);
            assertEquals("succeeded 1 null null", row(c, "msg_ok"));
            assertEquals("pending 1 " + NOW.plusSeconds(5) + " null", row(c, "msg_retry"));
            assertEquals("pending 0 " + NOW.plusSeconds(30) + " null", row(c, "msg_defer"));
            assertEquals("pending 0 " + NOW + " null", row(c, "msg_keep"), "given back unattempted, due as before");
            assertEquals("pending 0 " + NOW + " other", row(c, "msg_other"));
            assertEquals("pending 0 " + NOW + " me", row(c, "msg_again"));
            assertEquals(List.of("msg_ok 1 200", "msg_retry 1 500"), attempts(c));
        }
    }

    private static OutcomeRows.Change attempted(String id, DeliveryStatus status, Instant next, int code) {
        AttemptResult result = new AttemptResult(NOW, 12, code, null, "{}", Optional.empty());
        return new OutcomeRows.Change(claimed(id), status, next, result, null);
    }

    private static Claimed claimed(String id) {
        return new Claimed(id, 1, "{}", null, null, LEASE);
    }

    private static void delivery(Connection c, String id, String leasedBy, Instant leaseUntil) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO delivery (id, webhook_id, event_id, event_type,"
                + " status, attempt_count, next_attempt_at, lease_until, leased_by, created_at, updated_at)"
                + " VALUES (?, 'wh_a', 'evt', 'asset.uploaded', 'pending', 0, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setTimestamp(2, Timestamp.from(NOW));
            insert.setTimestamp(3, Timestamp.from(leaseUntil));
            insert.setString(4, leasedBy);
            insert.setTimestamp(5, Timestamp.from(NOW));
            insert.setTimestamp(6, Timestamp.from(NOW));
            insert.executeUpdate();
        }
    }

    /** Status, attempt count, next attempt and lease holder of a delivery. */
    private static String row(Connection c, String id) throws Exception {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT status, attempt_count, next_attempt_at, leased_by FROM delivery WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                Timestamp next = rs.getTimestamp(3);
                return rs.getString(1) + " " + rs.getInt(2) + " " + (next == null ? null : next.toInstant()) + " " + rs.getString(4);
            }
        }
    }

    private static List<String> attempts(Connection c) throws Exception {
        List<String> attempts = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT delivery_id, number, status_code FROM attempt ORDER BY delivery_id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) attempts.add(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getInt(3));
        }
        return attempts;
    }
}
