package io.damwebhooks.delivery.entity;

import java.time.Instant;

/**
 * A delivery this instance holds a lease on: what to send, to whom, and which attempt this is; the
 * asset it is about (for its lane) and the lease's end as written, which the outcome must still find.
 */
public record Leased(String deliveryId, int attemptNumber, String payload, Receiver receiver, String assetUuid,
                     Instant leasedUntil) {

    public String webhookId() {
        return receiver.webhookId();
    }
}
