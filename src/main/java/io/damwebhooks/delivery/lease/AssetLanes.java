package io.damwebhooks.delivery.lease;

import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-asset ordering. An asset's lane is its pending deliveries of one webhook, in id order (ids are
 * time-ordered, strictly within a process: {@code platform.entity.Ids}), which is the order the events
 * were accepted. Only the oldest of a lane may be attempted; the others are <em>held</em>: pending with
 * no {@code next_attempt_at}, so the claim's index range never reads them, however long the lane.
 * <ul>
 * <li>The claim examines each due row of a per-asset webhook ({@link #heads}): with no earlier pending
 *     row in its lane it may be sent; otherwise it is held. The earlier row is locked while deciding
 *     ({@code SKIP LOCKED}: a claim never waits), so that its finishing ({@link #releaseNext}) waits for
 *     the hold to commit and then sees it.</li>
 * <li>When a delivery finishes (succeeded, or failed for good), the oldest pending row of its lane is
 *     released: due now.</li>
 * <li>Switching ordering off releases every held row of the webhook at the next poll
 *     ({@link #releaseUnordered}); switching it on holds the followers as the claims meet them.</li>
 * </ul>
 * A redelivered message is pending again with its old (earlier) id: it is sent at once, and the
 * asset's next delivery that was not yet sent waits for it.
 */
@ApplicationScoped
public class AssetLanes {

    /** Due rows a claim examines per delivery it wants of a per-asset webhook: followers it holds on the way. */
    static final int LOOK_AHEAD = 4;

    /**
     * The nearest earlier pending delivery in a lane; the ORDER BY names the whole index, as in
     * {@link Claims#DUE}. PostgreSQL reads the index backwards and stops at the first row; H2 cannot read
     * an index backwards, so it reads the lane's earlier pending rows (not its history) and sorts them. An
     * index in descending order would serve this but not {@link #OLDEST}, which H2 would then answer from a
     * scan of the webhook's whole history.
     */
    static final String EARLIER = "SELECT id FROM delivery WHERE webhook_id = ?1 AND asset_uuid = ?2 AND status = 'pending'"
            + " AND id < ?3 ORDER BY webhook_id DESC, asset_uuid DESC, status DESC, id DESC";
    static final String LOCK = "SELECT id FROM delivery WHERE id = ?1 AND status = 'pending' FOR UPDATE SKIP LOCKED";
    static final String OLDEST = "SELECT id FROM delivery WHERE webhook_id = ?1 AND asset_uuid = ?2 AND status = 'pending'"
            + " ORDER BY webhook_id, asset_uuid, status, id";
    static final String RELEASE = "UPDATE delivery SET next_attempt_at = ?1 WHERE id = ?2 AND status = 'pending'"
            + " AND next_attempt_at IS NULL";
    static final String RELEASE_ALL = "UPDATE delivery SET next_attempt_at = ?1 WHERE webhook_id = ?2 AND status = 'pending'"
            + " AND next_attempt_at IS NULL";

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    /**
     * Of the due rows a claim locked ({@link Candidate}s, any webhook), those it may send: every row of an
     * unordered webhook, and of a per-asset one those first in their lane, at most {@code wants} per webhook.
     * Followers are held; a row whose earlier neighbour another transaction holds is left for a later claim.
     */
    List<String> heads(List<Candidate> locked, Set<String> perAsset, Map<String, Integer> wants, Instant now) {
        List<String> heads = new ArrayList<>(locked.size());
        List<String> held = new ArrayList<>();
        Set<String> lanesSeen = new HashSet<>();
        Set<String> ours = new HashSet<>();
        locked.forEach(c -> ours.add(c.id()));
        Map<String, Integer> taken = new java.util.HashMap<>();
        for (Candidate row : locked.stream().sorted(java.util.Comparator.comparing(Candidate::id)).toList()) {
            int count = taken.getOrDefault(row.webhookId(), 0);
            boolean ordered = perAsset.contains(row.webhookId()) && row.assetUuid() != null;
            if (ordered && !lanesSeen.add(row.webhookId() + '\n' + row.assetUuid())) {
                held.add(row.id()); // an earlier row of its lane is in this claim, and ours
                continue;
            }
            if (ordered) {
                Verdict verdict = examine(row, ours);
                if (verdict == Verdict.HOLD) held.add(row.id());
                if (verdict != Verdict.HEAD) continue;
            }
            if (count >= wants.getOrDefault(row.webhookId(), 0)) continue;
            taken.put(row.webhookId(), count + 1);
            heads.add(row.id());
        }
        if (!held.isEmpty()) {
            // not one another instance leased between our reading it and locking it: that one is being sent
            em.createQuery("UPDATE Delivery d SET d.nextAttemptAt = NULL WHERE d.id IN :ids"
                            + " AND (d.leaseUntil IS NULL OR d.leaseUntil < :now)")
                    .setParameter("ids", held).setParameter("now", now).executeUpdate();
        }
        return heads;
    }

    private enum Verdict { HEAD, HOLD, LATER }

    private Verdict examine(Candidate row, Set<String> ours) {
        @SuppressWarnings("unchecked")
        List<String> earlier = em.createNativeQuery(EARLIER).setParameter(1, row.webhookId())
                .setParameter(2, row.assetUuid()).setParameter(3, row.id()).setMaxResults(1).getResultList();
        if (earlier.isEmpty()) return Verdict.HEAD;
        String previous = earlier.get(0);
        if (ours.contains(previous)) return Verdict.HOLD;
        // locked until this claim commits: the earlier row cannot finish (and miss this hold) meanwhile
        boolean locked = !em.createNativeQuery(LOCK).setParameter(1, previous).getResultList().isEmpty();
        return locked ? Verdict.HOLD : Verdict.LATER;
    }

    /**
     * After these deliveries finished (flushed in the caller's transaction): for those of per-asset
     * webhooks, makes the oldest pending delivery of their lane due now, if it was held.
     */
    public void releaseNext(Collection<Leased> finished, Instant now) {
        List<Leased> laned = finished.stream().filter(d -> d.assetUuid() != null).toList();
        if (laned.isEmpty()) return;
        Set<String> perAsset = new HashSet<>(em.createQuery("SELECT w.id FROM Webhook w WHERE w.ordering = :perAsset", String.class)
                .setParameter("perAsset", Webhook.ORDERING_PER_ASSET).getResultList());
        if (perAsset.isEmpty()) return;
        Set<String> lanes = new HashSet<>();
        for (Leased delivery : laned) {
            if (!perAsset.contains(delivery.webhookId()) || !lanes.add(delivery.webhookId() + '\n' + delivery.assetUuid())) continue;
            @SuppressWarnings("unchecked")
            List<String> oldest = em.createNativeQuery(OLDEST).setParameter(1, delivery.webhookId())
                    .setParameter(2, delivery.assetUuid()).setMaxResults(1).getResultList();
            if (!oldest.isEmpty()) em.createNativeQuery(RELEASE).setParameter(1, now).setParameter(2, oldest.get(0)).executeUpdate();
        }
    }

    /** Releases the held deliveries of every webhook that is not (or no longer) per-asset; answers how many. */
    @Transactional
    public int releaseUnordered(Instant now) {
        List<String> unordered = em.createQuery("SELECT w.id FROM Webhook w WHERE w.ordering <> :perAsset", String.class)
                .setParameter("perAsset", Webhook.ORDERING_PER_ASSET).getResultList();
        int released = 0;
        for (String webhookId : unordered) {
            released += em.createNativeQuery(RELEASE_ALL).setParameter(1, now).setParameter(2, webhookId).executeUpdate();
        }
        return released;
    }

    /** A due row a claim locked: which webhook, which asset. */
    record Candidate(String id, String webhookId, String assetUuid) { }
}
