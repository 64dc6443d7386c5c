package io.damwebhooks.deliverylog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Forgets what is older than the retention, one bounded batch per transaction: a purge of millions of
 * rows never holds one giant transaction, its locks or its undo log. Attempts go with their delivery
 * ({@code ON DELETE CASCADE}). Several instances may purge at once: a row one of them deleted first is
 * simply not deleted twice.
 */
@ApplicationScoped
public class Retention {

    static final int BATCH = 500;

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    /**
     * The oldest finished deliveries created and last changed before the cutoff: read in creation order
     * from {@code delivery_search_created} (V10), which is written once and so costs no write when a
     * delivery changes; the LEFT JOIN keeps H2 reading that index first (it never reorders one).
     */
    static final String PURGEABLE = "SELECT s.id FROM delivery_search s LEFT JOIN delivery d ON d.id = s.id"
            + " WHERE s.created_at < ?1 AND d.updated_at < ?1 AND d.status IN ('succeeded', 'failed')"
            + " ORDER BY s.created_at";

    /**
     * Deletes up to {@link #BATCH} finished deliveries created and last changed before {@code cutoff}, and
     * answers how many. A pending delivery is a promise still open and is never purged; a redelivered
     * old one counts from its redelivery.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deliveries(Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery(PURGEABLE).setParameter(1, cutoff).setMaxResults(BATCH).getResultList();
        if (ids.isEmpty()) return 0;
        // the status again: a redelivery may have made one pending since the SELECT. In SQL, not as an
        // entity: the body's and the search columns' tables go with their row (ON DELETE CASCADE), and
        // Hibernate's inline delete of a two-table entity names the body table's key wrongly
        return em.createNativeQuery("DELETE FROM delivery WHERE id IN (:ids) AND status IN ('succeeded', 'failed')")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /** Deletes up to {@link #BATCH} accepted events ({@code event.entity.AcceptedEvent}) received before {@code cutoff}; their ids may then be reused. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int events(Instant cutoff) {
        List<String> ids = em.createQuery("SELECT e.id FROM AcceptedEvent e WHERE e.receivedAt < :cutoff", String.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(BATCH)
                .getResultList();
        if (ids.isEmpty()) return 0;
        return em.createQuery("DELETE FROM AcceptedEvent e WHERE e.id IN :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
