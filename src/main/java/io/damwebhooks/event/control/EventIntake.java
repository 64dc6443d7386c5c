package io.damwebhooks.event.control;

import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.delivery.outbox.Outbox;
import io.damwebhooks.delivery.entity.Delivery;
import io.damwebhooks.event.entity.AcceptedEvent;
import io.damwebhooks.platform.control.SqlValues;
import io.damwebhooks.platform.entity.Ids;
import io.damwebhooks.webhook.control.ActiveWebhooks;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The one path of every event, fired in-process or posted: finds the active webhooks it triggers,
 * builds their bodies and records one delivery each in the outbox, all in the caller's transaction
 * (or a new one when there is none). An event whose id was accepted before records nothing and
 * answers as it did the first time.
 */
@ApplicationScoped
public class EventIntake {

    static final String INSERT = "INSERT INTO event (id, type, received_at, deliveries) VALUES (?, ?, ?, ?)";
    static final String SEEN = "SELECT id, deliveries FROM event WHERE id IN (";

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ActiveWebhooks activeWebhooks;

    @Transactional(Transactional.TxType.REQUIRED)
    public Accepted accept(AssetEvent event) {
        return acceptAll(List.of(event)).get(0);
    }

    /** Several events in one transaction (one commit for all): answers in their order. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Accepted> acceptAll(List<AssetEvent> events) {
        List<Webhook> webhooks = activeWebhooks.list();
        Instant now = Instant.now();
        List<Accepted> answers = new ArrayList<>(events.size());
        List<Delivery> deliveries = new ArrayList<>();
        List<AcceptedEvent> accepted = new ArrayList<>(events.size());
        Map<String, Accepted> seen = seen(events);
        for (AssetEvent event : events) {
            // an id seen before, in an earlier transaction or earlier in this one, records nothing
            Accepted before = event.id() == null ? null : seen.get(event.id());
            if (before != null) {
                answers.add(before);
                continue;
            }
            String eventId = event.id() != null ? event.id() : Ids.next("evt");
            List<Delivery> recorded = deliveries(event, eventId, now, webhooks);
            AcceptedEvent first = new AcceptedEvent();
            first.id = eventId;
            first.type = event.type().wireName();
            first.receivedAt = now;
            first.deliveries = recorded.size();
            accepted.add(first);
            Accepted answer = Accepted.of(first);
            if (event.id() != null) seen.put(event.id(), answer);
            deliveries.addAll(recorded);
            answers.add(answer);
        }
        // one JDBC batch (no entity kept for the commit to check); a concurrent twin with the same id fails
        // here, on the primary key, before any delivery is written
        em.unwrap(Session.class).doWork(connection -> SqlValues.batch(connection, INSERT, accepted, (insert, row) -> {
            insert.setString(1, row.id);
            insert.setString(2, row.type);
            SqlValues.setInstant(insert, 3, row.receivedAt);
            insert.setInt(4, row.deliveries);
        }));
        outbox.record(deliveries, webhooks);
        return answers;
    }

    /** The events among these ids accepted before: one query for the whole group. */
    private Map<String, Accepted> seen(List<AssetEvent> events) {
        List<String> ids = events.stream().map(AssetEvent::id).filter(Objects::nonNull).distinct().toList();
        Map<String, Accepted> seen = new HashMap<>();
        if (ids.isEmpty()) return seen;
        List<String> padded = SqlValues.padded(ids);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SEEN + SqlValues.placeholders(padded.size()) + ")")) {
                for (int i = 0; i < padded.size(); i++) select.setString(i + 1, padded.get(i));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) seen.put(rows.getString(1), new Accepted(rows.getString(1), rows.getInt(2)));
                }
            }
        });
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
