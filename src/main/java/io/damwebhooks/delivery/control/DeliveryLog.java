package io.damwebhooks.delivery.control;

import io.damwebhooks.delivery.entity.Attempt;
import io.damwebhooks.delivery.entity.Delivery;
import io.damwebhooks.delivery.entity.DeliveryStatus;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;

/**
 * Reads the delivery log. Pages by id, newest first: ids are time-ordered ({@code msg_} + ULID-like),
 * so "the next {@code max} ids below the last one seen" is stable while new deliveries arrive, and the
 * {@code delivery_log (webhook_id DESC, id DESC)} index serves it without an OFFSET. {@link DeliverySearch}
 * searches across webhooks the same way.
 */
@ApplicationScoped
@Transactional
public class DeliveryLog {

    static final String SELECT_SUMMARY = "SELECT new io.damwebhooks.delivery.control.DeliverySummary(d.id, d.webhookId,"
            + " d.eventId, d.eventType, d.assetUuid, d.status, d.attemptCount, d.nextAttemptAt, d.lastStatusCode, d.createdAt,"
            + " d.updatedAt) FROM Delivery d";

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    /** Up to {@code max} deliveries of a webhook, newest first, with ids below {@code beforeId} when given. */
    public List<DeliverySummary> newestFirst(String webhookId, DeliveryStatus status, String beforeId, int max) {
        if (webhookId == null || em.find(Webhook.class, webhookId) == null) {
            throw new NotFoundException("No webhook " + webhookId);
        }
        // ordered by the webhook first, constant here: so H2 reads delivery_log (webhook_id DESC, id DESC) in order
        String jpql = SELECT_SUMMARY + " WHERE d.webhookId = :webhook" + (status == null ? "" : " AND d.status = :status")
                + (beforeId == null ? "" : " AND d.id < :before") + " ORDER BY d.webhookId DESC, d.id DESC";
        TypedQuery<DeliverySummary> query = em.createQuery(jpql, DeliverySummary.class)
                .setParameter("webhook", webhookId)
                .setMaxResults(max);
        if (status != null) query.setParameter("status", status);
        if (beforeId != null) query.setParameter("before", beforeId);
        return query.getResultList();
    }

    public Delivery find(String id) {
        Delivery delivery = id == null ? null : em.find(Delivery.class, id);
        if (delivery == null) throw new NotFoundException("No delivery " + id);
        return delivery;
    }

    public List<Attempt> attempts(String deliveryId) {
        return em.createQuery("SELECT a FROM Attempt a WHERE a.deliveryId = :delivery ORDER BY a.number", Attempt.class)
                .setParameter("delivery", deliveryId)
                .getResultList();
    }
}
