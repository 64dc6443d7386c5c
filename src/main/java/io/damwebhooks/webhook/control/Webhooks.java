package io.damwebhooks.webhook.control;

import io.damwebhooks.webhook.entity.Webhook;
import io.damwebhooks.webhook.entity.WebhookChanged;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The stored webhooks: the limit on how many exist, optimistic locking, secret rotation. */
@ApplicationScoped
@Transactional
public class Webhooks {

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "webhooks.limit", defaultValue = "5")
    int limit;

    @Inject
    Event<WebhookChanged> changed;

    public List<Webhook> all() {
        return em.createNamedQuery(Webhook.ALL, Webhook.class).getResultList();
    }

    public Webhook find(String id) {
        Webhook webhook = id == null ? null : em.find(Webhook.class, id);
        if (webhook == null) throw new NotFoundException("No webhook " + id);
        return webhook;
    }

    /** Stores a new webhook, unless {@code webhooks.limit} already exist (409). */
    public Webhook create(Consumer<Webhook> fill) {
        // every creation locks the same row, so instances sharing a database cannot both take the last place
        em.createNativeQuery("SELECT id FROM webhook_limit_lock WHERE id = 1 FOR UPDATE").getResultList();
        long count = em.createNamedQuery(Webhook.COUNT, Long.class).getSingleResult();
        if (count >= limit) {
            throw new ClientErrorException("At most " + limit + " webhooks may exist (webhooks.limit).", Response.Status.CONFLICT);
        }
        Webhook webhook = Webhook.create(now());
        fill.accept(webhook);
        em.persist(webhook);
        return webhook;
    }

    /** Changes a webhook; {@code expectedVersion}, when given, must be the stored one (409 otherwise). */
    public Webhook update(String id, Long expectedVersion, Consumer<Webhook> change) {
        Webhook webhook = find(id);
        if (expectedVersion != null && expectedVersion != webhook.version) {
            throw new ClientErrorException("Version " + expectedVersion + " is stale: the webhook is at version "
                    + webhook.version + ". Read it again.", Response.Status.CONFLICT);
        }
        change.accept(webhook);
        // always a change, so the flush raises the version by one and checks it (409 on a concurrent update)
        webhook.updatedAt = now();
        em.flush();
        changed.fire(new WebhookChanged(id));
        return webhook;
    }

    public void delete(String id) {
        em.remove(find(id));
        changed.fire(new WebhookChanged(id));
    }

    /** Microseconds: what both H2 and PostgreSQL keep, so an answer shows what a later read returns. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public Webhook rotateSecret(String id) {
        return update(id, null, webhook -> webhook.secrets.rotate(now()));
    }
}
