package io.damwebhooks.delivery.control;

import io.damwebhooks.delivery.entity.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Records deliveries in the caller's transaction (or a new one when there is none): the rows become
 * durable exactly when that transaction commits. No broker: the dispatcher claims the rows from here.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    @Inject
    Event<DeliveriesRecorded> recorded;

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) return;
        deliveries.forEach(em::persist);
        recorded.fire(new DeliveriesRecorded(deliveries.size()));
    }
}
