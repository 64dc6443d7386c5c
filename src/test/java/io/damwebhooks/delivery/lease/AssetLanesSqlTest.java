package io.damwebhooks.delivery.lease;

import io.damwebhooks.platform.control.Schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The per-asset ordering statements ({@link AssetLanes}) on both databases, with the real schema: the
 * nearest earlier pending delivery of a lane, held rows out of the claim's range, the lock that makes a
 * finishing delivery wait for a hold behind it (and then release the held row), and release on finish.
 */
class AssetLanesSqlTest {

    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void onH2() throws Exception {
        Schema.onH2("lanes;LOCK_TIMEOUT=10000", this::check);
    }

    @Test
    void onPostgreSql() throws Exception {
        Schema.onPostgreSql(this::check);
    }

    private void check(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            Schema.webhook(c, "wh_o", true, NOW);
            delivery(c, "msg_01", "a", "succeeded", null);
            delivery(c, "msg_02", "a", "pending", NOW.minusSeconds(5)); // the head, in flight
            delivery(c, "msg_03", "a", "pending", NOW.minusSeconds(4)); // due, not yet examined
            delivery(c, "msg_04", "b", "pending", NOW.minusSeconds(3));
            delivery(c, "msg_05", "a", "pending", null);                // held
            assertEquals(List.of("msg_02"), strings(c, AssetLanes.EARLIER, 1, "wh_o", "a", "msg_03"));
            assertEquals(List.of(), strings(c, AssetLanes.EARLIER, 1, "wh_o", "a", "msg_02"), "finished rows do not count");
            assertEquals(List.of(), strings(c, AssetLanes.EARLIER, 1, "wh_o", "b", "msg_04"));
            assertEquals(List.of("msg_02", "msg_03", "msg_04"), strings(c, Claims.DUE, 10, "wh_o", NOW, NOW),
                    "a held row is outside the claim's range");
        }
        try (Connection claim = dataSource.getConnection(); Connection outcome = dataSource.getConnection()) {
            claim.setAutoCommit(false);
            outcome.setAutoCommit(false);
            // the claim locks msg_02, the earlier neighbour of msg_03, and holds msg_03 behind it
            assertEquals(List.of("msg_02"), strings(claim, AssetLanes.LOCK, 1, "msg_02"));
            assertEquals(List.of(), strings(outcome, AssetLanes.LOCK, 1, "msg_02"), "a second claim passes it by");
            update(claim, "UPDATE delivery SET next_attempt_at = NULL WHERE id = ?", "msg_03");
            // meanwhile msg_02 finishes: its update waits for the claim, then sees msg_03 held and releases it
            CompletableFuture<Integer> finishing = CompletableFuture.supplyAsync(() -> {
                try {
                    update(outcome, "UPDATE delivery SET status = 'succeeded', next_attempt_at = NULL WHERE id = ?", "msg_02");
                    List<String> oldest = strings(outcome, AssetLanes.OLDEST, 1, "wh_o", "a");
                    int released = update(outcome, AssetLanes.RELEASE, NOW, oldest.get(0));
                    outcome.commit();
                    return released;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300); // not synchronisation: gives the finishing update the chance to run ahead, which the lock must stop
            claim.commit();
            assertEquals(1, finishing.get(30, TimeUnit.SECONDS), "the finishing delivery released the row held behind it");
        }
        try (Connection c = dataSource.getConnection()) {
            assertEquals(List.of("msg_04", "msg_03"), strings(c, Claims.DUE, 10, "wh_o", NOW, NOW), "released: due now");
            assertEquals(0, update(c, AssetLanes.RELEASE, NOW, "msg_03"), "a due row is not released again");
            assertEquals(0, update(c, AssetLanes.RELEASE_ALL, NOW, "wh_other"));
            assertEquals(1, update(c, AssetLanes.RELEASE_ALL, NOW, "wh_o"), "switching ordering off releases what was held");
            try (ResultSet row = c.createStatement().executeQuery("SELECT ordering, rate_per_second FROM webhook")) {
                row.next();
                assertEquals("none", row.getString(1), "a webhook is unordered unless told");
                assertNull(row.getObject(2));
            }
        }
    }

    private static List<String> strings(Connection c, String sql, int limit, Object... parameters) throws Exception {
        try (PreparedStatement select = c.prepareStatement(sql.replaceAll("\\?\\d+", "?")
                + (sql.contains("FOR UPDATE") ? "" : " FETCH FIRST " + limit + " ROWS ONLY"))) {
            bind(select, parameters);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    private static int update(Connection c, String sql, Object... parameters) throws Exception {
        try (PreparedStatement update = c.prepareStatement(sql.replaceAll("\\?\\d+", "?"))) {
            bind(update, parameters);
            return update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws Exception {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            statement.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
        }
    }

    private static void delivery(Connection c, String id, String asset, String status, Instant due) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO delivery (id, webhook_id, event_id, event_type,"
                + " asset_uuid, status, attempt_count, next_attempt_at, created_at, updated_at)"
                + " VALUES (?, 'wh_o', 'evt', 'asset.uploaded', ?, ?, 0, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, asset);
            insert.setString(3, status);
            insert.setTimestamp(4, due == null ? null : Timestamp.from(due));
            insert.setTimestamp(5, Timestamp.from(NOW));
            insert.setTimestamp(6, Timestamp.from(NOW));
            insert.executeUpdate();
        }
    }
}
