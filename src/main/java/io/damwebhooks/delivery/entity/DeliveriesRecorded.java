package io.damwebhooks.delivery.entity;

import java.time.Instant;
import java.util.List;

/**
 * Fired by {@code Outbox} inside the transaction that recorded {@code count} deliveries, of which it
 * leased {@code handed} to this instance's dispatcher until about {@code leasedUntil}; {@code leftBehind}
 * could have been handed over but found no room (the others are per-asset or rate-limited webhooks',
 * which are always claimed). Observed {@code during = AFTER_SUCCESS} to send those and claim the rest:
 * after the commit, never before; and {@code during = AFTER_FAILURE} to give back the room the handed
 * ones had taken.
 */
public record DeliveriesRecorded(int count, List<Leased> handed, int leftBehind, Instant leasedUntil) {

    /** Deliveries made pending again (a redelivery): all are claimed, and fresh ones wait behind them. */
    public DeliveriesRecorded(int count) {
        this(count, List.of(), count, Instant.MAX);
    }
}
