package io.damwebhooks.delivery.control;

/** A delivery this instance holds a lease on: what to send, to whom, and which attempt this is. */
public record Claimed(String deliveryId, int attemptNumber, String payload, Receiver receiver) {

    public String webhookId() {
        return receiver.webhookId();
    }
}
