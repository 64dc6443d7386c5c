package io.damwebhooks.delivery.outbox;

import io.damwebhooks.delivery.entity.DeliveriesRecorded;
import io.damwebhooks.delivery.entity.Delivery;
import io.damwebhooks.delivery.entity.DeliveryStatus;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;

/**
 * Sends messages again by turning their rows back into due, pending deliveries; the dispatcher does the
 * rest. The id stays, so the receiver sees the same {@code webhook-id} and can deduplicate; attempts
 * and the attempt count stay, so the log keeps the whole story and new attempts get the next numbers.
 * <p>
 * Each is one UPDATE statement rather than a change to a loaded entity: the dispatcher may update the
 * same row meanwhile, and a whole-row write from here would undo its attempt count. A pending row whose
 * lease is still running is being sent at this very moment and is left alone: clearing that lease
 * would let a second dispatcher send it in parallel and both would write the same attempt number.
 */
@ApplicationScoped
@Transactional
public class Redelivery {

    private static final String DUE_NOW = "UPDATE Delivery d SET d.status = :pending, d.nextAttemptAt = :now,"
            + " d.leaseUntil = NULL, d.leasedBy = NULL, d.updatedAt = :now";

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    @Inject
    Event<DeliveriesRecorded> recorded;

    /** Makes one delivery pending and due now; 404 when there is none with this id. */
    public void redeliver(String deliveryId) {
        if (deliveryId == null || em.find(Delivery.class, deliveryId) == null) {
            throw new NotFoundException("No delivery " + deliveryId);
        }
        Instant now = Instant.now();
        int changed = em.createQuery(DUE_NOW + " WHERE d.id = :id"
                        + " AND (d.status <> :pending OR d.leaseUntil IS NULL OR d.leaseUntil <= :now)")
                .setParameter("pending", DeliveryStatus.pending)
                .setParameter("now", now)
                .setParameter("id", deliveryId)
                .executeUpdate();
        announce(changed);
    }

    /** Makes every failed delivery of a webhook created at or after {@code since} pending and due now. */
    public int recover(String webhookId, Instant since) {
        if (webhookId == null || em.find(Webhook.class, webhookId) == null) {
            throw new NotFoundException("No webhook " + webhookId);
        }
        Instant now = Instant.now();
        int changed = em.createQuery(DUE_NOW + " WHERE d.webhookId = :webhook AND d.status = :failed AND d.createdAt >= :since")
                .setParameter("pending", DeliveryStatus.pending)
                .setParameter("now", now)
                .setParameter("webhook", webhookId)
                .setParameter("failed", DeliveryStatus.failed)
                .setParameter("since", since)
                .executeUpdate();
        announce(changed);
        return changed;
    }

    /** Wakes the dispatcher after the commit, exactly as newly recorded deliveries do. */
    private void announce(int changed) {
        if (changed > 0) recorded.fire(new DeliveriesRecorded(changed));
    }
}
