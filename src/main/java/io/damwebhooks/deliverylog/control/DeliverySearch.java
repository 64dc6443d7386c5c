package io.damwebhooks.deliverylog.control;

import io.damwebhooks.delivery.entity.DeliveryStatus;
import io.damwebhooks.platform.entity.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Searches the deliveries of all webhooks, newest first, a page at a time, reading one index range and
 * no more than a page of it. The query orders by the filters that drive it, then by id, all descending:
 * those columns are constant within the result, so the order is simply newest first, but it lets H2 —
 * which walks an index only forwards — see that the index already has the rows in order.
 * <p>
 * Searches by asset, event, type, webhook or time read {@code delivery_search}, the columns written once
 * (V10), and join {@code delivery} by its primary key for the rest; searches driven by status read
 * {@code delivery}'s own state indexes (V8, V9). The driving table comes first in a LEFT JOIN, which H2
 * never reorders (it would otherwise be free to start from the other table and sort); every delivery has
 * its search row, so the join loses nothing. A webhook's own log ({@link DeliveryLog}) is the search by
 * webhook (and status).
 */
@ApplicationScoped
@Transactional
public class DeliverySearch {

    /**
     * How far a delivery's id may lie from its createdAt: the id is made right after the instant that
     * becomes createdAt, in the same call ({@code EventIntake}, {@code TestEvents}). A time window also
     * bounds the ids by this much more, so that an index ending in id serves it; createdAt decides exactly.
     */
    static final Duration ID_SLACK = Duration.ofMinutes(5);

    static final String SELECT = "SELECT d.id, d.webhook_id, d.event_id, d.event_type, d.asset_uuid, d.status, d.attempt_count,"
            + " d.next_attempt_at, d.last_status_code, d.created_at, d.updated_at FROM ";

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    /** Up to {@code max} matching deliveries, newest first, with ids below {@code beforeId} when given. */
    public List<DeliverySummary> newestFirst(SearchCriteria criteria, String beforeId, int max) {
        Clauses clauses = clauses(criteria, beforeId);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(clauses.sql() + " FETCH FIRST " + max + " ROWS ONLY")) {
                clauses.bind(select);
                List<DeliverySummary> page = new ArrayList<>(max);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) page.add(summary(rows));
                }
                return page;
            }
        });
    }

    /** A search's SQL, up to its row limit, and its parameters in order. */
    record Clauses(String sql, List<Object> parameters) {

        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof Instant instant) statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                else statement.setString(i + 1, value.toString());
            }
        }
    }

    static Clauses clauses(SearchCriteria criteria, String beforeId) {
        List<String> driver = driver(criteria);
        boolean byState = driver.contains("d.status");
        boolean joined = !byState || criteria.eventType() != null;
        String from = !byState ? "delivery_search s LEFT JOIN delivery d ON d.id = s.id"
                : "delivery d" + (joined ? " LEFT JOIN delivery_search s ON s.id = d.id" : "");
        String first = byState ? "d" : "s"; // the driving table: its index has the order
        // id bounds on both tables: each may then read its primary key's (or newest index's) range, not a scan
        List<String> bounded = joined ? List.of("s", "d") : List.of("d");
        List<String> where = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        condition(where, parameters, "s.asset_uuid = ?", criteria.assetUuid());
        condition(where, parameters, "s.event_id = ?", criteria.eventId());
        condition(where, parameters, "s.event_type = ?", criteria.eventType());
        condition(where, parameters, "d.status = ?", criteria.status() == null ? null : criteria.status().name());
        condition(where, parameters, first + ".webhook_id = ?", criteria.webhookId());
        condition(where, parameters, "d.created_at >= ?", criteria.from());
        condition(where, parameters, "d.created_at < ?", criteria.to());
        String below = criteria.to() == null ? null : Ids.first("msg", criteria.to().plus(ID_SLACK));
        if (beforeId != null && (below == null || beforeId.compareTo(below) < 0)) below = beforeId;
        for (String table : bounded) {
            if (criteria.from() != null) {
                condition(where, parameters, table + ".id >= ?", Ids.first("msg", criteria.from().minus(ID_SLACK)));
            }
            condition(where, parameters, table + ".id < ?", below);
        }
        StringBuilder order = new StringBuilder();
        for (String column : driver) order.append(column).append(" DESC, ");
        return new Clauses(SELECT + from + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + order + first + ".id DESC", parameters);
    }

    /**
     * The filters whose index the search reads, as its leading columns: the most selective given. An
     * asset or an event has a handful of deliveries; a webhook's deliveries of one status are exactly
     * one range of delivery_webhook_state, whatever the other webhooks' share of that status (V9);
     * failed and pending ones are few next to succeeded ones; then a webhook's share, then an event type's.
     */
    static List<String> driver(SearchCriteria criteria) {
        if (criteria.assetUuid() != null) return List.of("s.asset_uuid");
        if (criteria.eventId() != null) return List.of("s.event_id");
        if (criteria.webhookId() != null && criteria.status() != null) return List.of("d.webhook_id", "d.status");
        if (criteria.status() != null && criteria.status() != DeliveryStatus.succeeded) return List.of("d.status");
        if (criteria.webhookId() != null) return List.of("s.webhook_id");
        if (criteria.eventType() != null) return List.of("s.event_type");
        if (criteria.status() != null) return List.of("d.status");
        return List.of();
    }

    private static void condition(List<String> where, List<Object> parameters, String clause, Object value) {
        if (value == null) return;
        where.add(clause);
        parameters.add(value);
    }

    private static DeliverySummary summary(ResultSet row) throws SQLException {
        int code = row.getInt(9);
        Integer lastStatusCode = row.wasNull() ? null : code;
        return new DeliverySummary(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                DeliveryStatus.valueOf(row.getString(6)), row.getInt(7), instant(row, 8), lastStatusCode,
                instant(row, 10), instant(row, 11));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
