package io.damwebhooks.delivery.dispatch;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an action a few milliseconds after it is first asked for, once however often it is asked for
 * meanwhile: what arrives in those milliseconds gathers into one batch (one claim, one outcome commit)
 * instead of one each.
 */
final class Linger {

    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService timer;
    private final long millis;
    private final Runnable action;

    Linger(ScheduledExecutorService timer, long millis, Runnable action) {
        this.timer = timer;
        this.millis = millis;
        this.action = action;
    }

    void ask() {
        if (!scheduled.compareAndSet(false, true)) return;
        try {
            timer.schedule(() -> {
                scheduled.set(false);
                action.run();
            }, millis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException stopping) {
            scheduled.set(false);
        }
    }
}
