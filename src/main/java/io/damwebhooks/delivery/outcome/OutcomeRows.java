package io.damwebhooks.delivery.outcome;

import io.damwebhooks.delivery.entity.AttemptResult;
import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.delivery.entity.DeliveryStatus;
import io.damwebhooks.platform.control.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.damwebhooks.platform.control.SqlValues.setInstant;
import static io.damwebhooks.platform.control.SqlValues.setInteger;

/**
 * The outcome batch's writes, as plain JDBC batches: one guarded UPDATE per delivery, then one INSERT
 * per attempt of the rows that were updated — two round trips for a whole batch, and a third that clears
 * {@code failing_since} of the webhooks that succeeded. Through entities the batch read every row back,
 * its body included, and wrote each one with its own statement text.
 * The guard changes a row only while it is pending and still holds the very lease this instance
 * took: a lease that ran out and went to another claim, or that an admin released, is not ours to finish.
 */
final class OutcomeRows {

    static final String ATTEMPTED = "UPDATE delivery SET status = ?, attempt_count = ?, last_status_code = ?,"
            + " next_attempt_at = ?, lease_until = NULL, leased_by = NULL, updated_at = ?" + Change.GUARD;
    static final String DEFERRED = "UPDATE delivery SET next_attempt_at = COALESCE(?, next_attempt_at),"
            + " lease_until = NULL, leased_by = NULL, updated_at = ?" + Change.GUARD;
    static final String ATTEMPT = "INSERT INTO attempt (delivery_id, number, started_at, duration_ms, status_code, error,"
            + " response_body) VALUES (?, ?, ?, ?, ?, ?, ?)";

    static final String SUCCEEDING = "UPDATE webhook SET failing_since = NULL WHERE failing_since IS NOT NULL AND id IN (";

    private OutcomeRows() { }

    /**
     * A delivery's state after its outcome: with {@code result} an attempt was made (and the delivery is
     * {@code status} now, due again at {@code nextAttemptAt} if pending); without, the lease is given back
     * and the delivery is due at {@code nextAttemptAt}, or when it was due before if that is null.
     */
    record Change(Leased leased, DeliveryStatus status, Instant nextAttemptAt, AttemptResult result, String error) {

        static final String GUARD = " WHERE id = ? AND status = 'pending' AND leased_by = ? AND lease_until = ?";
    }

    /** Writes the changes in the caller's transaction; answers those that were still this instance's to write. */
    static List<Change> write(Connection connection, List<Change> changes, String instance, Instant now) throws SQLException {
        // in id order: two instances' batches lock their rows in the same order, so they cannot deadlock
        List<Change> sorted = changes.stream().sorted(Comparator.comparing((Change c) -> c.leased().deliveryId())).toList();
        List<Change> attempted = sorted.stream().filter(c -> c.result() != null).toList();
        List<Change> deferred = sorted.stream().filter(c -> c.result() == null).toList();
        List<Change> ours = new ArrayList<>(changes.size());
        try (PreparedStatement update = connection.prepareStatement(ATTEMPTED)) {
            for (Change change : attempted) {
                update.setString(1, change.status().name());
                update.setInt(2, change.leased().attemptNumber());
                setInteger(update, 3, change.result().statusCode());
                setInstant(update, 4, change.nextAttemptAt());
                guard(update, 5, change, instance, now);
            }
            keepUpdated(update, attempted, ours);
        }
        try (PreparedStatement update = connection.prepareStatement(DEFERRED)) {
            for (Change change : deferred) {
                setInstant(update, 1, change.nextAttemptAt());
                guard(update, 2, change, instance, now);
            }
            keepUpdated(update, deferred, ours);
        }
        try (PreparedStatement insert = connection.prepareStatement(ATTEMPT)) {
            int rows = 0;
            for (Change change : ours) {
                if (change.result() == null) continue;
                AttemptResult result = change.result();
                insert.setString(1, change.leased().deliveryId());
                insert.setInt(2, change.leased().attemptNumber());
                setInstant(insert, 3, result.startedAt());
                insert.setLong(4, result.durationMs());
                setInteger(insert, 5, result.statusCode());
                insert.setString(6, change.error());
                insert.setString(7, result.responseBody());
                insert.addBatch();
                rows++;
            }
            if (rows > 0) insert.executeBatch();
        }
        return ours;
    }

    /** These webhooks' attempts succeed again: none of them is failing since any time. */
    static void succeeding(Connection connection, List<String> webhookIds) throws SQLException {
        List<String> ids = SqlValues.padded(webhookIds);
        try (PreparedStatement update = connection.prepareStatement(SUCCEEDING + SqlValues.placeholders(ids.size()) + ")")) {
            for (int i = 0; i < ids.size(); i++) update.setString(i + 1, ids.get(i));
            update.executeUpdate();
        }
    }

    /** Sets updated_at and the guard's three parameters from {@code index} on, and adds the row to the batch. */
    private static void guard(PreparedStatement update, int index, Change change, String instance, Instant now) throws SQLException {
        setInstant(update, index, now);
        update.setString(index + 1, change.leased().deliveryId());
        update.setString(index + 2, instance);
        setInstant(update, index + 3, change.leased().leasedUntil());
        update.addBatch();
    }

    private static void keepUpdated(PreparedStatement update, List<Change> batch, List<Change> ours) throws SQLException {
        if (batch.isEmpty()) return;
        int[] counts = update.executeBatch();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) ours.add(batch.get(i));
        }
    }
}
