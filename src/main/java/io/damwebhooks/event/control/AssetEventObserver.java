package io.damwebhooks.event.control;

import io.damwebhooks.api.AssetEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Receives the events the DAM fires in-process. Synchronous on purpose: it runs on the DAM's thread,
 * inside the DAM's transaction, so the deliveries commit or roll back with the DAM's change. A
 * failure to record them is thrown to the DAM and rolls its transaction back: no change goes
 * unreported.
 */
@ApplicationScoped
public class AssetEventObserver {

    @Inject
    EventIntake intake;

    void on(@Observes AssetEvent event) {
        intake.accept(event);
    }
}
