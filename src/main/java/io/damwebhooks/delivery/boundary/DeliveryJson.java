package io.damwebhooks.delivery.boundary;

import io.damwebhooks.delivery.control.DeliverySummary;
import io.damwebhooks.delivery.entity.Attempt;
import io.damwebhooks.delivery.entity.Delivery;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A delivery as the log shows it. In a page: without {@code attempts} and {@code payload}; alone
 * ({@code GET /deliveries/{id}}): with both.
 */
@Schema(name = "Delivery")
@JsonbPropertyOrder({"id", "webhookId", "eventId", "eventType", "assetUuid", "status", "attemptCount", "lastStatusCode",
        "nextAttemptAt", "createdAt", "updatedAt", "attempts", "payload"})
public class DeliveryJson {

    @Schema(description = "msg_…: the webhook-id header the receiver sees, the same on every attempt and redelivery")
    public String id;
    public String webhookId;
    public String eventId;
    public String eventType;
    @JsonbNillable
    @Schema(nullable = true, description = "The asset the event was about; null for webhook.test")
    public String assetUuid;
    @Schema(enumeration = {"pending", "succeeded", "failed"})
    public String status;
    public int attemptCount;
    @JsonbNillable
    @Schema(nullable = true, description = "The HTTP status of the latest attempt; null when it got none")
    public Integer lastStatusCode;
    @JsonbNillable
    @Schema(nullable = true, description = "When a pending delivery is due; null once it is done")
    public Instant nextAttemptAt;
    public Instant createdAt;
    public Instant updatedAt;
    @Schema(description = "Only on GET /deliveries/{id}: every attempt, first to last")
    public List<AttemptJson> attempts;
    @Schema(description = "Only on GET /deliveries/{id}: the exact JSON body sent, as a string")
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
