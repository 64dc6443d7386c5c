package io.damwebhooks.delivery.lease;

import io.damwebhooks.delivery.entity.ClaimBatch;
import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.delivery.entity.Receiver;
import io.damwebhooks.delivery.entity.DeliveryStatus;
import io.damwebhooks.platform.control.SqlValues;
import io.damwebhooks.webhook.control.ActiveWebhooks;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Takes due deliveries for this instance, in one short transaction: for each active webhook, as many
 * of its oldest due rows as the dispatcher has room for ({@code DUE}, one index range read in order),
 * locked with {@code FOR UPDATE SKIP LOCKED} (instances claiming at the same moment pass each other
 * by), then leased until {@code now + lease}. Other instances leave a leased row alone until the lease
 * runs out, which is how the rows of an instance that died come back. Deliveries of inactive webhooks
 * stay pending and are not claimed; they go out when the webhook is active again.
 */
@ApplicationScoped
public class Claims {

    /**
     * One webhook's due, unleased deliveries, oldest due first. The ORDER BY names the whole index
     * ({@code delivery_due_per_webhook}) so that H2, too, reads it in order and stops at the limit
     * instead of sorting the backlog.
     */
    static final String DUE = "SELECT d.id FROM delivery d WHERE d.webhook_id = ?1 AND d.status = 'pending'"
            + " AND d.next_attempt_at <= ?2 AND (d.lease_until IS NULL OR d.lease_until < ?2)"
            + " ORDER BY d.webhook_id, d.status, d.next_attempt_at";

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    @Inject
    AssetLanes lanes;

    @Inject
    ActiveWebhooks activeWebhooks;

    /** Which webhook is asked first: each claim starts one further, so no webhook always goes last. */
    private final AtomicInteger turn = new AtomicInteger();

    /**
     * At most {@code limit} deliveries in all, and at most {@code roomOf(webhookId)} of each webhook (and
     * what its rate limit allows: {@link RateAllowance}); oldest due first within a webhook; of a per-asset
     * webhook only the first pending delivery of each asset ({@link AssetLanes}).
     */
    @Transactional
    public ClaimBatch claim(int limit, ToIntFunction<String> roomOf, String instance, Duration lease, Instant now) {
        List<Webhook> active = new ArrayList<>(activeWebhooks.list());
        if (active.isEmpty()) return ClaimBatch.NONE;
        Collections.rotate(active, Math.floorMod(turn.getAndIncrement(), active.size()));
        RateAllowance rates = new RateAllowance(em, now);
        List<String> candidates = new ArrayList<>();
        Map<String, Integer> wants = new HashMap<>();
        Set<String> perAsset = new HashSet<>();
        int wanted = 0;
        for (Webhook webhook : active) {
            int want = Math.min(limit - wanted, roomOf.applyAsInt(webhook.id));
            if (want > 0 && webhook.ratePerSecond != null) want = rates.available(webhook.id, webhook.ratePerSecond, want);
            if (want <= 0) continue;
            boolean ordered = webhook.orderedPerAsset();
            @SuppressWarnings("unchecked")
            List<String> due = em.createNativeQuery(DUE).setParameter(1, webhook.id).setParameter(2, now)
                    .setMaxResults(ordered ? want * AssetLanes.LOOK_AHEAD : want).getResultList();
            if (due.isEmpty()) continue;
            candidates.addAll(due);
            wants.put(webhook.id, want);
            if (ordered) perAsset.add(webhook.id);
            wanted += Math.min(want, due.size());
            if (wanted >= limit) break;
        }
        if (candidates.isEmpty()) return new ClaimBatch(List.of(), rates.wakeAt());
        List<String> taken = lanes.heads(lock(candidates), perAsset, wants, now);
        if (taken.isEmpty()) return new ClaimBatch(List.of(), rates.wakeAt());
        // the guard repeats the due conditions: a candidate another instance leased between our two
        // statements is locked by us now, but not ours to take
        Instant until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
        em.createQuery("UPDATE Delivery d SET d.leaseUntil = :until, d.leasedBy = :instance WHERE d.id IN :ids"
                        + " AND d.status = :pending AND (d.leaseUntil IS NULL OR d.leaseUntil < :now)")
                .setParameter("until", until).setParameter("instance", instance).setParameter("ids", taken)
                .setParameter("pending", DeliveryStatus.pending).setParameter("now", now)
                .executeUpdate();
        Map<String, Receiver> receivers = active.stream().map(w -> Receiver.of(w, now))
                .collect(Collectors.toMap(Receiver::webhookId, Function.identity()));
        List<Leased> leased = em.unwrap(Session.class).doReturningWork(c -> leased(c, taken, instance, until, receivers));
        leased.stream().collect(Collectors.groupingBy(Leased::webhookId, Collectors.counting()))
                .forEach((webhookId, count) -> rates.use(webhookId, count.intValue()));
        return new ClaimBatch(leased, rates.wakeAt());
    }

    /**
     * The rows this claim leased, with their bodies, oldest due first: read with JDBC, not as entities, so
     * that the commit has nothing to dirty-check.
     */
    static List<Leased> leased(Connection connection, List<String> taken, String instance, Instant until,
                                Map<String, Receiver> receivers) throws SQLException {
        List<String> ids = SqlValues.padded(taken);
        String sql = "SELECT d.id, d.webhook_id, d.attempt_count, d.asset_uuid, p.payload"
                + " FROM delivery d JOIN delivery_payload p ON p.delivery_id = d.id"
                + " WHERE d.leased_by = ? AND d.lease_until = ? AND d.id IN (" + SqlValues.placeholders(ids.size())
                + ") ORDER BY d.next_attempt_at";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, instance);
            SqlValues.setInstant(select, 2, until);
            for (int i = 0; i < ids.size(); i++) select.setString(i + 3, ids.get(i));
            List<Leased> leased = new ArrayList<>(taken.size());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    leased.add(new Leased(rows.getString(1), rows.getInt(3) + 1, rows.getString(5),
                            receivers.get(rows.getString(2)), rows.getString(4), until));
                }
            }
            return leased;
        }
    }

    /**
     * Locks those candidates that no other transaction holds. The candidates were read without locks:
     * locking in the first read would lock every row H2's scan matched, not only the limit.
     */
    private List<AssetLanes.Candidate> lock(List<String> candidates) {
        List<String> ids = SqlValues.padded(candidates);
        StringBuilder sql = new StringBuilder("SELECT id, webhook_id, asset_uuid FROM delivery WHERE id IN (");
        for (int i = 0; i < ids.size(); i++) sql.append(i == 0 ? "" : ", ").append('?').append(i + 1);
        var lock = em.createNativeQuery(sql.append(") FOR UPDATE SKIP LOCKED").toString());
        for (int i = 0; i < ids.size(); i++) lock.setParameter(i + 1, ids.get(i));
        @SuppressWarnings("unchecked")
        List<Object[]> locked = lock.getResultList();
        return locked.stream().map(row -> new AssetLanes.Candidate((String) row[0], (String) row[1], (String) row[2])).toList();
    }

    /** How many deliveries wait for an attempt, for the backlog gauge. */
    @Transactional
    public long pending() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM delivery WHERE status = 'pending'")
                .getSingleResult()).longValue();
    }
}
