package io.damwebhooks.delivery.control;

import io.damwebhooks.delivery.entity.Delivery;
import io.damwebhooks.delivery.entity.DeliveryStatus;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Takes due deliveries for this instance, in one short transaction: the oldest due rows are found,
 * locked with {@code FOR UPDATE SKIP LOCKED} (instances claiming at the same moment pass each other
 * by), then leased until {@code now + lease}. Other instances leave a leased row alone until the lease runs out,
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
        Query due = em.createNativeQuery(dueSql(limit, skip.size())).setParameter(1, now);
        for (int i = 0; i < skip.size(); i++) due.setParameter(i + 2, skip.get(i));
        @SuppressWarnings("unchecked")
        List<String> candidates = due.getResultList();
        if (candidates.isEmpty()) return List.of();
        Query lock = em.createNativeQuery(lockSql(candidates.size()));
        for (int i = 0; i < candidates.size(); i++) lock.setParameter(i + 1, candidates.get(i));
        @SuppressWarnings("unchecked")
        List<String> locked = lock.getResultList();
        if (locked.isEmpty()) return List.of();
        // the guard repeats the due conditions: a candidate another instance leased between our two
        // statements is locked by us now, but not ours to take
        Instant until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
        em.createQuery("UPDATE Delivery d SET d.leaseUntil = :until, d.leasedBy = :instance WHERE d.id IN :ids"
                        + " AND d.status = :pending AND (d.leaseUntil IS NULL OR d.leaseUntil < :now)")
                .setParameter("until", until).setParameter("instance", instance).setParameter("ids", locked)
                .setParameter("pending", DeliveryStatus.pending).setParameter("now", now)
                .executeUpdate();
        List<Delivery> deliveries = em.createQuery("SELECT d FROM Delivery d WHERE d.id IN :ids AND d.leasedBy = :instance"
                        + " AND d.leaseUntil = :until ORDER BY d.nextAttemptAt", Delivery.class)
                .setParameter("ids", locked).setParameter("instance", instance).setParameter("until", until)
                .getResultList();
        if (deliveries.isEmpty()) return List.of();
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
     * Due, unleased deliveries of active webhooks, oldest due first; {@code ?1} is now, {@code ?2}… the
     * webhooks to pass over. Read without locks: locking here would lock every row the scan matched on
     * H2 (not only the LIMIT), which made each claim cost as much as the whole backlog.
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
        return sql.append(" ORDER BY d.next_attempt_at LIMIT ").append(limit).toString();
    }

    /** Locks those candidates that no other transaction holds; instances claiming at once pass each other by. */
    static String lockSql(int count) {
        StringBuilder sql = new StringBuilder("SELECT id FROM delivery WHERE id IN (");
        for (int i = 0; i < count; i++) sql.append(i == 0 ? "" : ", ").append('?').append(i + 1);
        return sql.append(") FOR UPDATE SKIP LOCKED").toString();
    }

    /** How many deliveries wait for an attempt, for the backlog gauge. */
    @Transactional
    public long pending() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM delivery WHERE status = 'pending'")
                .getSingleResult()).longValue();
    }
}
