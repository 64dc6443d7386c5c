package io.damwebhooks.deliverylog.boundary;

import io.damwebhooks.deliverylog.control.DeliverySummary;
import io.damwebhooks.delivery.entity.Attempt;
import io.damwebhooks.delivery.entity.Delivery;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * A delivery as the log shows it. In a page: without {@code attempts} and {@code payload}; alone
 * ({@code GET /deliveries/{id}}): with both.
 */
@JsonbPropertyOrder({"id", "webhookId", "eventId", "eventType", "assetUuid", "status", "attemptCount", "lastStatusCode",
        "nextAttemptAt", "createdAt", "updatedAt", "attempts", "payload"})
public class DeliveryJson {

    public String id;
    public String webhookId;
    public String eventId;
    public String eventType;
    @JsonbNillable
    public String assetUuid;
    public String status;
    public int attemptCount;
    @JsonbNillable
    public Integer lastStatusCode;
    @JsonbNillable
    public Instant nextAttemptAt;
    public Instant createdAt;
    public Instant updatedAt;
    public List<AttemptJson> attempts;
    public String payload;

    public static DeliveryJson of(DeliverySummary delivery) {
        DeliveryJson json = new DeliveryJson();
        json.id = delivery.id();
        json.webhookId = delivery.webhookId();
        json.eventId = delivery.eventId();
        json.eventType = delivery.eventType();
        json.assetUuid = delivery.assetUuid();
        json.status = delivery.status().name();
        json.attemptCount = delivery.attemptCount();
        json.lastStatusCode = delivery.lastStatusCode();
        json.nextAttemptAt = delivery.nextAttemptAt();
        json.createdAt = delivery.createdAt();
        json.updatedAt = delivery.updatedAt();
        return json;
    }

    public static DeliveryJson of(Delivery delivery, List<Attempt> attempts) {
        DeliveryJson json = of(new DeliverySummary(delivery.id, delivery.webhookId, delivery.eventId, delivery.eventType,
                delivery.assetUuid, delivery.status, delivery.attemptCount, delivery.nextAttemptAt, delivery.lastStatusCode,
                delivery.createdAt, delivery.updatedAt));
        json.attempts = attempts.stream().map(AttemptJson::of).toList();
        json.payload = delivery.payload;
        return json;
    }
}
