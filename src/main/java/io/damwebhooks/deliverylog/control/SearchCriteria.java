package io.damwebhooks.deliverylog.control;

import io.damwebhooks.delivery.entity.DeliveryStatus;
import java.time.Instant;

/**
 * What a search of the delivery log asks for: every non-null part must match. {@code from} is
 * inclusive and {@code to} exclusive, both on {@code createdAt}.
 */
public record SearchCriteria(String assetUuid, String eventId, String eventType, DeliveryStatus status, String webhookId,
                             Instant from, Instant to) { }
