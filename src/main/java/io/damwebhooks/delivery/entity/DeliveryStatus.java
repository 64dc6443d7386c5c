package io.damwebhooks.delivery.entity;

/** Where a delivery stands: waiting for its next attempt, received by a 2xx, or given up. */
public enum DeliveryStatus {
    pending, succeeded, failed
}
