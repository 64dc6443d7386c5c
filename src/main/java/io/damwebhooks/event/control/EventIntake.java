package io.damwebhooks.event.control;

import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.delivery.control.Outbox;
import io.damwebhooks.delivery.entity.Delivery;
import io.damwebhooks.event.entity.AcceptedEvent;
import io.damwebhooks.platform.entity.Ids;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one path of every event, fired in-process or posted: finds the active webhooks it triggers,
 * builds their bodies and records one delivery each in the outbox, all in the caller's transaction
 * (or a new one when there is none). An event whose id was accepted before records nothing and
 * answers as it did the first time.
 */
@ApplicationScoped
public class EventIntake {

    static final String ACTIVE_WEBHOOKS = "SELECT w FROM Webhook w WHERE w.active = true ORDER BY w.createdAt, w.id";

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.REQUIRED)
    public Accepted accept(AssetEvent event) {
        return acceptAll(List.of(event)).get(0);
    }

    /** Several events in one transaction (one commit for all): answers in their order. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Accepted> acceptAll(List<AssetEvent> events) {
        List<Webhook> webhooks = em.createQuery(ACTIVE_WEBHOOKS, Webhook.class).getResultList();
        Instant now = Instant.now();
        List<Accepted> answers = new ArrayList<>(events.size());
        List<Delivery> deliveries = new ArrayList<>();
        Map<String, AcceptedEvent> seen = seen(events);
        for (AssetEvent event : events) {
            // an id seen before, in an earlier transaction or earlier in this one, records nothing
            AcceptedEvent before = event.id() == null ? null : seen.get(event.id());
            if (before != null) {
                answers.add(Accepted.of(before));
                continue;
            }
            String eventId = event.id() != null ? event.id() : Ids.next("evt");
            List<Delivery> recorded = deliveries(event, eventId, now, webhooks);
            AcceptedEvent accepted = new AcceptedEvent();
            accepted.id = eventId;
            accepted.type = event.type().wireName();
            accepted.receivedAt = now;
            accepted.deliveries = recorded.size();
            em.persist(accepted);
            if (event.id() != null) seen.put(event.id(), accepted);
            deliveries.addAll(recorded);
            answers.add(Accepted.of(accepted));
        }
        // a concurrent twin with the same id fails here, on the primary key, before any delivery is written
        em.flush();
        outbox.record(deliveries, webhooks);
        return answers;
    }

    /** The events among these ids accepted before: one query for the whole group. */
    private Map<String, AcceptedEvent> seen(List<AssetEvent> events) {
        List<String> ids = events.stream().map(AssetEvent::id).filter(Objects::nonNull).distinct().toList();
        Map<String, AcceptedEvent> seen = new HashMap<>();
        if (ids.isEmpty()) return seen;
        em.createQuery("SELECT e FROM AcceptedEvent e WHERE e.id IN :ids", AcceptedEvent.class).setParameter("ids", ids)
                .getResultStream().forEach(e -> seen.put(e.id, e));
        return seen;
    }

    /** How an event id was accepted, if it was. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Accepted> find(String eventId) {
        return Optional.ofNullable(em.find(AcceptedEvent.class, eventId)).map(Accepted::of);
    }

    private static List<Delivery> deliveries(AssetEvent event, String eventId, Instant now, List<Webhook> webhooks) {
        PayloadBuilder payloads = PayloadBuilder.of(event, eventId);
        List<Delivery> deliveries = new ArrayList<>();
        for (Webhook webhook : webhooks) {
            if (Triggers.fire(webhook.triggers, event)) {
                String body = payloads.body(webhook.id, webhook.name, webhook.fields);
                deliveries.add(Delivery.pending(webhook.id, eventId, event.type().wireName(), event.asset().uuid(), body, now));
            }
        }
        return deliveries;
    }
}
