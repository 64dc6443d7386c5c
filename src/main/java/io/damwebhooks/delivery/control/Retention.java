package io.damwebhooks.delivery.control;

import io.damwebhooks.delivery.entity.DeliveryStatus;
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

    private static final List<DeliveryStatus> FINISHED = List.of(DeliveryStatus.succeeded, DeliveryStatus.failed);

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    /**
     * Deletes up to {@link #BATCH} finished deliveries created and last changed before {@code cutoff}, and
     * answers how many. A pending delivery is a promise still open and is never purged; a redelivered
     * old one counts from its redelivery.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deliveries(Instant cutoff) {
        List<String> ids = em.createQuery("SELECT d.id FROM Delivery d WHERE d.createdAt < :cutoff"
                        + " AND d.updatedAt < :cutoff AND d.status IN :finished", String.class)
                .setParameter("cutoff", cutoff)
                .setParameter("finished", FINISHED)
                .setMaxResults(BATCH)
                .getResultList();
        if (ids.isEmpty()) return 0;
        // the status again: a redelivery may have made one pending since the SELECT. In SQL, not as an
        // entity: the body's table goes with its row (ON DELETE CASCADE), and Hibernate's inline delete
        // of a two-table entity names the body table's key wrongly
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
