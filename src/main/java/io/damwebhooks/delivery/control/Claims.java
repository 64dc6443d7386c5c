package io.damwebhooks.delivery.control;

import io.damwebhooks.delivery.entity.Delivery;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Takes due deliveries for this instance, in one short transaction: the rows are locked with
 * {@code FOR UPDATE SKIP LOCKED} (instances claiming at the same moment pass each other by), then
 * leased until {@code now + lease}. Other instances leave a leased row alone until the lease runs out,
 * which is how the rows of an instance that died come back. Deliveries of inactive webhooks stay
 * pending and are not claimed; they go out when the webhook is active again.
 */
@ApplicationScoped
public class Claims {

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    @Transactional
    public List<Claimed> claim(int limit, Collection<String> skipWebhooks, String instance, Duration lease, Instant now) {
        List<String> skip = List.copyOf(skipWebhooks);
        Query select = em.createNativeQuery(dueSql(limit, skip.size())).setParameter(1, now);
        for (int i = 0; i < skip.size(); i++) select.setParameter(i + 2, skip.get(i));
        @SuppressWarnings("unchecked")
        List<String> ids = select.getResultList();
        if (ids.isEmpty()) return List.of();
        em.createQuery("UPDATE Delivery d SET d.leaseUntil = :until, d.leasedBy = :instance WHERE d.id IN :ids")
                .setParameter("until", now.plus(lease)).setParameter("instance", instance).setParameter("ids", ids)
                .executeUpdate();
        List<Delivery> deliveries = em.createQuery("SELECT d FROM Delivery d WHERE d.id IN :ids ORDER BY d.nextAttemptAt", Delivery.class)
                .setParameter("ids", ids).getResultList();
        Map<String, Receiver> receivers = em.createQuery("SELECT w FROM Webhook w WHERE w.id IN :ids", Webhook.class)
                .setParameter("ids", deliveries.stream().map(d -> d.webhookId).distinct().toList())
                .getResultStream().map(w -> Receiver.of(w, now))
                .collect(Collectors.toMap(Receiver::webhookId, Function.identity()));
        List<Claimed> claimed = new ArrayList<>(deliveries.size());
        for (Delivery d : deliveries) {
            claimed.add(new Claimed(d.id, d.attemptCount + 1, d.payload, receivers.get(d.webhookId)));
        }
        return claimed;
    }

    /**
     * Due, unleased deliveries of active webhooks, oldest due first, locked; {@code ?1} is now, {@code ?2}…
     * the webhooks to pass over. Plain SQL that H2 2.2 and PostgreSQL both run.
     */
    static String dueSql(int limit, int skipCount) {
        StringBuilder sql = new StringBuilder("SELECT d.id FROM delivery d WHERE d.status = 'pending'"
                + " AND d.next_attempt_at <= ?1 AND (d.lease_until IS NULL OR d.lease_until < ?1)"
                + " AND d.webhook_id IN (SELECT w.id FROM webhook w WHERE w.active = TRUE)");
        if (skipCount > 0) {
            sql.append(" AND d.webhook_id NOT IN (");
            for (int i = 0; i < skipCount; i++) sql.append(i == 0 ? "" : ", ").append('?').append(i + 2);
            sql.append(')');
        }
        return sql.append(" ORDER BY d.next_attempt_at LIMIT ").append(limit).append(" FOR UPDATE SKIP LOCKED").toString();
    }

    /** How many deliveries wait for an attempt, for the backlog gauge. */
    @Transactional
    public long pending() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM delivery WHERE status = 'pending'")
                .getSingleResult()).longValue();
    }
}
