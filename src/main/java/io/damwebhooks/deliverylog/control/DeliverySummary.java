package io.damwebhooks.deliverylog.control;

import io.damwebhooks.delivery.entity.DeliveryStatus;
import java.time.Instant;

/**
 * A delivery as the log lists it: everything but the payload, so that a page of 250 rows does not
 * read 250 bodies. Read by {@link DeliverySearch}.
 */
public record DeliverySummary(String id, String webhookId, String eventId, String eventType, String assetUuid,
                              DeliveryStatus status,
                              int attemptCount, Instant nextAttemptAt, Integer lastStatusCode,
                              Instant createdAt, Instant updatedAt) { }
