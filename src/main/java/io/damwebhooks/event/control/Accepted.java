package io.damwebhooks.event.control;

import io.damwebhooks.event.entity.AcceptedEvent;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** What accepting an event came to: its id and how many deliveries it recorded. */
@JsonbPropertyOrder({"eventId", "deliveries"})
public record Accepted(String eventId, int deliveries) {

    static Accepted of(AcceptedEvent event) {
        return new Accepted(event.id, event.deliveries);
    }
}
