package io.damwebhooks.delivery.outbox;

import io.damwebhooks.delivery.entity.Delivery;
import io.damwebhooks.platform.entity.Ids;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A {@code webhook.test} event for one webhook, so an admin can see a signed message arrive without
 * waiting for the DAM: {@code {"type":"webhook.test","timestamp":…,"data":{"eventId":…,"webhook":{"id","name"}}}}.
 * It goes through the outbox like any event, with retries and a log entry.
 */
@ApplicationScoped
public class TestEvents {

    public static final String TYPE = "webhook.test";

    @Inject
    Outbox outbox;

    @Transactional
    public Delivery send(Webhook webhook) {
        Instant now = Instant.now();
        String eventId = Ids.next("evt");
        String payload = Json.createObjectBuilder()
                .add("type", TYPE)
                .add("timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString())
                .add("data", Json.createObjectBuilder()
                        .add("eventId", eventId)
                        .add("webhook", Json.createObjectBuilder().add("id", webhook.id).add("name", webhook.name)))
                .build().toString();
        Delivery delivery = Delivery.pending(webhook.id, eventId, TYPE, null, payload, now);
        outbox.record(List.of(delivery), List.of(webhook));
        return delivery;
    }
}
