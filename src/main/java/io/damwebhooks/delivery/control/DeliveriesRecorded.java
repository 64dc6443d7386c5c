package io.damwebhooks.delivery.control;

/**
 * Fired by {@link Outbox} inside the transaction that recorded deliveries. Observed
 * {@code during = AFTER_SUCCESS} to nudge the dispatcher: after the commit, never before, and not at
 * all when the transaction rolls back.
 */
public record DeliveriesRecorded(int count) { }
