package io.damwebhooks.event.control;

import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.api.EventNotRecorded;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Receives the events the DAM fires in-process. Synchronous on purpose: it runs on the DAM's thread,
 * inside the DAM's transaction, so the deliveries commit or roll back with the DAM's change. A
 * failure to record them is thrown to the DAM as {@link EventNotRecorded}, with the DAM's transaction
 * marked for rollback first: no change goes unreported, even when the DAM catches the exception.
 */
@ApplicationScoped
public class AssetEventObserver {

    @Inject
    EventIntake intake;

    @Resource
    TransactionSynchronizationRegistry transaction;

    void on(@Observes AssetEvent event) {
        try {
            intake.accept(event);
        } catch (RuntimeException notRecorded) {
            if (transaction.getTransactionStatus() == Status.STATUS_ACTIVE) transaction.setRollbackOnly();
            throw new EventNotRecorded(event, notRecorded);
        }
    }
}
