package io.damwebhooks.webhook.control;

import io.damwebhooks.webhook.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active webhooks, as every event's intake and every claim reads them: loaded in full only when a
 * webhook's row changed. Each call asks the database for the active webhooks' ids and versions (one
 * small query, no entities), and reuses the copy it loaded before of each webhook whose version is the
 * same. Every change to a webhook raises its version — an admin's edit through optimistic locking, a
 * deactivation by the bulk updates of {@code Outcomes} — so a change made by any instance is seen at
 * the next call, as a fresh query would see it. What the copies save is the entity's hydration: its
 * secrets decrypted, its JSON columns parsed, its snapshot for the commit's dirty check (bench/RESULTS.md,
 * session 10).
 * <p>
 * The copies are detached and shared between threads: callers only read them. The columns a version
 * does not cover ({@code failingSince}) are not for callers to read here.
 */
@ApplicationScoped
public class ActiveWebhooks {

    static final String VERSIONS = "SELECT w.id, w.version FROM Webhook w WHERE w.active = TRUE ORDER BY w.createdAt, w.id";

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    private final Map<String, Webhook> loaded = new ConcurrentHashMap<>();

    /**
     * The active webhooks, oldest first, in the caller's transaction (it sees what that transaction
     * wrote). Not for a transaction that changes webhooks itself: the rows loaded here are detached.
     */
    public List<Webhook> list() {
        List<Object[]> versions = em.createQuery(VERSIONS, Object[].class).getResultList();
        Map<String, Webhook> chosen = new HashMap<>();
        List<String> stale = new ArrayList<>();
        for (Object[] row : versions) {
            Webhook copy = loaded.get((String) row[0]);
            if (copy != null && copy.version == ((Number) row[1]).longValue()) chosen.put(copy.id, copy);
            else stale.add((String) row[0]);
        }
        if (!stale.isEmpty()) load(stale, chosen);
        List<Webhook> active = new ArrayList<>(versions.size());
        for (Object[] row : versions) {
            // one loaded now may be newer than the version read above (a commit between the two queries): it decides
            Webhook webhook = chosen.get((String) row[0]);
            if (webhook != null && webhook.active) active.add(webhook);
        }
        if (loaded.size() > versions.size()) {
            loaded.keySet().retainAll(chosen.keySet()); // deleted or deactivated
        }
        return active;
    }

    private void load(List<String> ids, Map<String, Webhook> chosen) {
        for (Webhook webhook : em.createQuery("SELECT w FROM Webhook w WHERE w.id IN :ids", Webhook.class)
                .setParameter("ids", ids).getResultList()) {
            em.detach(webhook); // no snapshot kept, nothing for the commit to check, and no thread shares a managed entity
            chosen.put(webhook.id, webhook);
            loaded.merge(webhook.id, webhook, (before, now) -> now.version >= before.version ? now : before);
        }
    }
}
