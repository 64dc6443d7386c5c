package io.damwebhooks.delivery.outcome;

import io.damwebhooks.delivery.entity.AttemptResult;
import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.delivery.outbox.OutboxRows;
import io.damwebhooks.platform.control.Schema;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.damwebhooks.delivery.entity.Delivery;
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
 * delivery given back unattempted keeps its due time unless a new one is set; a webhook that succeeds
 * again is no longer failing. The deliveries are written as the outbox writes them ({@link OutboxRows}).
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
                    new OutcomeRows.Change(leased("msg_defer"), DeliveryStatus.pending, NOW.plusSeconds(30), null, null),
                    new OutcomeRows.Change(leased("msg_keep"), DeliveryStatus.pending, null, null, null),
                    attempted("msg_other", DeliveryStatus.succeeded, null, 200),
                    attempted("msg_again", DeliveryStatus.succeeded, null, 200));
            c.setAutoCommit(false);
            List<String> ours = OutcomeRows.write(c, changes, "me", NOW).stream().map(ch -> ch.leased().deliveryId()).sorted().toList();
            c.commit();

            assertEquals(List.of("msg_defer", "msg_keep", "msg_ok", "msg_retry"), ours);
            assertEquals("succeeded 1 null null", row(c, "msg_ok"));
            assertEquals("pending 1 " + NOW.plusSeconds(5) + " null", row(c, "msg_retry"));
            assertEquals("pending 0 " + NOW.plusSeconds(30) + " null", row(c, "msg_defer"));
            assertEquals("pending 0 " + NOW + " null", row(c, "msg_keep"), "given back unattempted, due as before");
            assertEquals("pending 0 " + NOW + " other", row(c, "msg_other"));
            assertEquals("pending 0 " + NOW + " me", row(c, "msg_again"));
            assertEquals(List.of("msg_ok 1 200", "msg_retry 1 500"), attempts(c));

            Schema.webhook(c, "wh_b", true, NOW);
            Schema.webhook(c, "wh_c", true, NOW);
            failing(c, "wh_a");
            failing(c, "wh_b");
            OutcomeRows.succeeding(c, List.of("wh_a", "wh_c")); // wh_c: not failing, stays so
            c.commit();
            assertEquals(List.of("wh_b"), failingWebhooks(c), "only a webhook that succeeded again is no longer failing");
        }
    }

    private static OutcomeRows.Change attempted(String id, DeliveryStatus status, Instant next, int code) {
        AttemptResult result = new AttemptResult(NOW, 12, code, null, "{}", Optional.empty());
        return new OutcomeRows.Change(leased(id), status, next, result, null);
    }

    private static Leased leased(String id) {
        return new Leased(id, 1, "{}", null, null, LEASE);
    }

    /** A pending delivery leased as given, written as the outbox writes it. */
    private static void delivery(Connection c, String id, String leasedBy, Instant leaseUntil) throws Exception {
        Delivery delivery = Delivery.pending("wh_a", "evt", "asset.uploaded", null, "{}", NOW);
        delivery.id = id;
        delivery.leasedBy = leasedBy;
        delivery.leaseUntil = leaseUntil;
        OutboxRows.insert(c, List.of(delivery));
    }

    private static void failing(Connection c, String webhookId) throws Exception {
        try (PreparedStatement update = c.prepareStatement("UPDATE webhook SET failing_since = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(NOW));
            update.setString(2, webhookId);
            update.executeUpdate();
        }
    }

    private static List<String> failingWebhooks(Connection c) throws Exception {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM webhook WHERE failing_since IS NOT NULL ORDER BY id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) ids.add(rs.getString(1));
        }
        return ids;
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
