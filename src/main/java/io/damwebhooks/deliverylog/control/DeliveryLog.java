package io.damwebhooks.deliverylog.control;

import io.damwebhooks.delivery.entity.Attempt;
import io.damwebhooks.delivery.entity.Delivery;
import io.damwebhooks.delivery.entity.DeliveryStatus;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;

/**
 * Reads the delivery log. Pages by id, newest first: ids are time-ordered ({@code msg_} + ULID-like),
 * so "the next {@code max} ids below the last one seen" is stable while new deliveries arrive, and the
 * {@code delivery_search_log (webhook_id DESC, id DESC)} index serves it without an OFFSET, filtered by
 * status the {@code delivery_webhook_state (webhook_id DESC, status DESC, id DESC)} one. It is a {@link DeliverySearch}
 * by webhook.
 */
@ApplicationScoped
@Transactional
public class DeliveryLog {

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    @Inject
    DeliverySearch search;

    /** Up to {@code max} deliveries of a webhook, newest first, with ids below {@code beforeId} when given. */
    public List<DeliverySummary> newestFirst(String webhookId, DeliveryStatus status, String beforeId, int max) {
        if (webhookId == null || em.find(Webhook.class, webhookId) == null) {
            throw new NotFoundException("No webhook " + webhookId);
        }
        // the search's query, so that its plans (SearchPlanTest: "a webhook", "a webhook's failed ones") are this one's
        return search.newestFirst(new SearchCriteria(null, null, null, status, webhookId, null, null), beforeId, max);
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
