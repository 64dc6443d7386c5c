package io.damwebhooks.delivery.control;

import io.damwebhooks.delivery.entity.DeliveryStatus;
import io.damwebhooks.platform.entity.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches the deliveries of all webhooks, newest first, a page at a time, reading one index range and
 * no more than a page of it (V8's and V9's indexes). The query orders by the filters that drive it, then
 * by id, all descending: those columns are constant within the result, so the order is simply newest
 * first, but it lets H2 — which walks an index only forwards — see that the index already has the rows
 * in order. A webhook's own log ({@link DeliveryLog}) is the search by webhook (and status).
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

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    /** Up to {@code max} matching deliveries, newest first, with ids below {@code beforeId} when given. */
    public List<DeliverySummary> newestFirst(SearchCriteria criteria, String beforeId, int max) {
        Clauses clauses = clauses(criteria, beforeId);
        TypedQuery<DeliverySummary> query = em.createQuery(DeliveryLog.SELECT_SUMMARY + clauses.text(), DeliverySummary.class)
                .setMaxResults(max);
        clauses.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    /** The WHERE and ORDER BY of a search, in JPQL over {@code Delivery d}, with its named parameters in order. */
    record Clauses(String text, Map<String, Object> parameters) { }

    static Clauses clauses(SearchCriteria criteria, String beforeId) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        condition(where, parameters, "d.assetUuid = :asset", "asset", criteria.assetUuid());
        condition(where, parameters, "d.eventId = :event", "event", criteria.eventId());
        condition(where, parameters, "d.eventType = :type", "type", criteria.eventType());
        condition(where, parameters, "d.status = :status", "status", criteria.status());
        condition(where, parameters, "d.webhookId = :webhook", "webhook", criteria.webhookId());
        condition(where, parameters, "d.createdAt >= :from", "from", criteria.from());
        condition(where, parameters, "d.createdAt < :to", "to", criteria.to());
        if (criteria.from() != null) {
            condition(where, parameters, "d.id >= :fromId", "fromId", Ids.first("msg", criteria.from().minus(ID_SLACK)));
        }
        String below = criteria.to() == null ? null : Ids.first("msg", criteria.to().plus(ID_SLACK));
        if (beforeId != null && (below == null || beforeId.compareTo(below) < 0)) below = beforeId;
        condition(where, parameters, "d.id < :below", "below", below);
        StringBuilder order = new StringBuilder();
        for (String column : driver(criteria)) order.append(column).append(" DESC, ");
        return new Clauses((where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + order + "d.id DESC", parameters);
    }

    /**
     * The filters whose index the search reads, as its leading columns: the most selective given. An
     * asset or an event has a handful of deliveries; a webhook's deliveries of one status are exactly
     * one range of delivery_webhook_state, whatever the other webhooks' share of that status (V9);
     * failed and pending ones are few next to succeeded ones; then a webhook's share, then an event type's.
     */
    static List<String> driver(SearchCriteria criteria) {
        if (criteria.assetUuid() != null) return List.of("d.assetUuid");
        if (criteria.eventId() != null) return List.of("d.eventId");
        if (criteria.webhookId() != null && criteria.status() != null) return List.of("d.webhookId", "d.status");
        if (criteria.status() != null && criteria.status() != DeliveryStatus.succeeded) return List.of("d.status");
        if (criteria.webhookId() != null) return List.of("d.webhookId");
        if (criteria.eventType() != null) return List.of("d.eventType");
        if (criteria.status() != null) return List.of("d.status");
        return List.of();
    }

    private static void condition(List<String> where, Map<String, Object> parameters, String clause, String name, Object value) {
        if (value == null) return;
        where.add(clause);
        parameters.put(name, value);
    }
}
