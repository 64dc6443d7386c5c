package io.damwebhooks.delivery.control;

import io.damwebhooks.delivery.entity.DeliveryStatus;
import io.damwebhooks.platform.entity.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
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
     * old one counts from its redelivery. The rows are found by status and an id bound, through
     * {@code delivery_state (status, id)}: ids begin with the millisecond they were made
     * ({@link DeliverySearch#ID_SLACK}), so no index on the creation time is needed (V10 dropped it).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deliveries(Instant cutoff) {
        String below = Ids.first("msg", cutoff.minus(DeliverySearch.ID_SLACK));
        List<String> ids = new ArrayList<>();
        for (DeliveryStatus status : FINISHED) { // one index range each: H2 does not combine IN with a range
            ids.addAll(em.createQuery("SELECT d.id FROM Delivery d WHERE d.status = :status AND d.id < :below"
                            + " AND d.createdAt < :cutoff AND d.updatedAt < :cutoff", String.class)
                    .setParameter("status", status)
                    .setParameter("below", below)
                    .setParameter("cutoff", cutoff)
                    .setMaxResults(BATCH - ids.size())
                    .getResultList());
            if (ids.size() >= BATCH) break;
        }
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
