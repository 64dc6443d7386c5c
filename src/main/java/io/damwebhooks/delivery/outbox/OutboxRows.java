package io.damwebhooks.delivery.outbox;

import io.damwebhooks.delivery.entity.Delivery;
import io.damwebhooks.platform.control.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The outbox's writes, as plain JDBC batches: each delivery's row, its body (a table of its own, which
 * claims and outcomes never touch) and its search columns (a table written once, V10) — three round trips
 * for a whole group of events, in the foreign keys' order. On PostgreSQL the driver makes each batch one
 * multi-row INSERT ({@code reWriteBatchedInserts}). Through entities, Hibernate built and sorted an
 * action per row and kept a snapshot of each for the commit's dirty check, for rows nothing reads back.
 */
public final class OutboxRows {

    static final String DELIVERY = "INSERT INTO delivery (id, webhook_id, event_id, event_type, asset_uuid, status,"
            + " attempt_count, next_attempt_at, lease_until, leased_by, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String BODY = "INSERT INTO delivery_payload (delivery_id, payload) VALUES (?, ?)";
    public static final String SEARCH_COLUMNS = "INSERT INTO delivery_search (id, webhook_id, event_id, event_type, asset_uuid,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?)";

    private OutboxRows() { }

    /** Inserts the deliveries in the caller's transaction. */
    public static void insert(Connection connection, List<Delivery> deliveries) throws SQLException {
        SqlValues.batch(connection, DELIVERY, deliveries, (insert, delivery) -> {
            which(insert, delivery);
            insert.setString(6, delivery.status.name());
            insert.setInt(7, delivery.attemptCount);
            SqlValues.setInstant(insert, 8, delivery.nextAttemptAt);
            SqlValues.setInstant(insert, 9, delivery.leaseUntil);
            insert.setString(10, delivery.leasedBy);
            SqlValues.setInstant(insert, 11, delivery.createdAt);
            SqlValues.setInstant(insert, 12, delivery.updatedAt);
        });
        SqlValues.batch(connection, BODY, deliveries, (insert, delivery) -> {
            insert.setString(1, delivery.id);
            insert.setString(2, delivery.payload);
        });
        SqlValues.batch(connection, SEARCH_COLUMNS, deliveries, (insert, delivery) -> {
            which(insert, delivery);
            SqlValues.setInstant(insert, 6, delivery.createdAt);
        });
    }

    /** The five columns both tables begin with: which delivery, of which webhook, for which event, about which asset. */
    private static void which(PreparedStatement insert, Delivery delivery) throws SQLException {
        insert.setString(1, delivery.id);
        insert.setString(2, delivery.webhookId);
        insert.setString(3, delivery.eventId);
        insert.setString(4, delivery.eventType);
        insert.setString(5, delivery.assetUuid);
    }
}
