package io.damwebhooks.it.delivery;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the delivery tables of the service under test straight from its database, as evidence. */
public final class DeliveryDb {

    public record Row(String id, String status, int attemptCount, Instant nextAttemptAt) { }

    public record AttemptRow(int number, Instant startedAt, Integer statusCode, String error, String responseBody) { }

    private final String url;
    private final String user;
    private final String password;

    public DeliveryDb(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public Row delivery(String id) {
        List<Row> rows = deliveries("SELECT id, status, attempt_count, next_attempt_at FROM delivery WHERE id = ?", id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public List<Row> deliveriesOf(String webhookId) {
        return deliveries("SELECT id, status, attempt_count, next_attempt_at FROM delivery WHERE webhook_id = ? ORDER BY id", webhookId);
    }

    public List<AttemptRow> attempts(String deliveryId) {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement select = c.prepareStatement("SELECT number, started_at, status_code, error, response_body"
                     + " FROM attempt WHERE delivery_id = ? ORDER BY number")) {
            select.setString(1, deliveryId);
            List<AttemptRow> attempts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int status = rows.getInt(3);
                    Integer statusCode = rows.wasNull() ? null : status;
                    attempts.add(new AttemptRow(rows.getInt(1), rows.getTimestamp(2).toInstant(), statusCode,
                            rows.getString(4), rows.getString(5)));
                }
            }
            return attempts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement of the test's own on the service's database (a trigger, say). */
    public void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row. */
    public long number(String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password);
             ResultSet rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Instant failingSince(String webhookId) {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement select = c.prepareStatement("SELECT failing_since FROM webhook WHERE id = ?")) {
            select.setString(1, webhookId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                Timestamp at = rows.getTimestamp(1);
                return at == null ? null : at.toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Row> deliveries(String sql, String parameter) {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, parameter);
            List<Row> result = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp next = rows.getTimestamp(4);
                    result.add(new Row(rows.getString(1), rows.getString(2), rows.getInt(3), next == null ? null : next.toInstant()));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
