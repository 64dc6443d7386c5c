package io.damwebhooks.delivery.dispatch;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Runs an action on an executor, one run at a time: asked while it runs, it runs once more afterwards
 * (however often it was asked), so that no request is lost and none waits on a lock. An action that
 * answers false failed: the requests made meanwhile are dropped, and whoever retries later asks again
 * (no tight loop against a failing database).
 */
final class SerialTask {

    private final Executor executor;
    private final BooleanSupplier action;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean asked;

    SerialTask(Executor executor, BooleanSupplier action) {
        this.executor = executor;
        this.action = action;
    }

    void ask() {
        asked = true;
        if (running.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException stopping) {
                running.set(false);
            }
        }
    }

    /** A run is under way (or about to start). */
    boolean isRunning() {
        return running.get();
    }

    private void drain() {
        do {
            try {
                while (asked) {
                    asked = false;
                    if (!action.getAsBoolean()) asked = false;
                }
            } finally {
                running.set(false);
            }
            // asked again between the last check and the release: run on, unless another run started
        } while (asked && running.compareAndSet(false, true));
    }
}
