package io.damwebhooks.deliverylog.control;

import io.damwebhooks.webhook.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * A webhook's attempts from {@code attempt_stats} summed into buckets of a fixed size: every bucket
 * from {@code from} to {@code to}, the empty ones too, oldest first.
 */
@ApplicationScoped
@Transactional
public class StatsReport {

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    /** {@code from} and {@code to} lie on bucket boundaries. */
    public List<MinuteStats> buckets(String webhookId, Instant from, Instant to, Duration bucket) {
        if (webhookId == null || em.find(Webhook.class, webhookId) == null) throw new NotFoundException("No webhook " + webhookId);
        return em.unwrap(Session.class).doReturningWork(connection -> buckets(connection, webhookId, from, to, bucket));
    }

    static List<MinuteStats> buckets(Connection connection, String webhookId, Instant from, Instant to, Duration bucket)
            throws SQLException {
        List<MinuteStats> buckets = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(bucket)) buckets.add(new MinuteStats(webhookId, start));
        try (PreparedStatement select = connection.prepareStatement("SELECT " + AttemptStats.COLUMNS
                + " FROM attempt_stats WHERE webhook_id = ? AND minute_at >= ? AND minute_at < ? ORDER BY minute_at")) {
            select.setString(1, webhookId);
            select.setObject(2, AttemptStats.utc(from));
            select.setObject(3, AttemptStats.utc(to));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Instant minute = rows.getObject(2, OffsetDateTime.class).toInstant();
                    MinuteStats row = new MinuteStats(webhookId, minute);
                    row.succeeded = rows.getLong(3);
                    row.failed = rows.getLong(4);
                    row.maxMs = rows.getLong(5);
                    for (int i = 0; i < row.buckets.length; i++) row.buckets[i] = rows.getLong(6 + i);
                    buckets.get((int) (Duration.between(from, minute).toMillis() / bucket.toMillis())).add(row);
                }
            }
        }
        return buckets;
    }
}
