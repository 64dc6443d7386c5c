package io.damwebhooks.it.events.dam;

import io.damwebhooks.delivery.entity.DeliveriesRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.atomic.AtomicInteger;

/** Test only: counts the deliveries announced after a commit, as the dispatcher sees them. */
@ApplicationScoped
public class AfterCommit {

    private final AtomicInteger announced = new AtomicInteger();

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesRecorded recorded) {
        announced.addAndGet(recorded.count());
    }

    public int announced() {
        return announced.get();
    }
}
