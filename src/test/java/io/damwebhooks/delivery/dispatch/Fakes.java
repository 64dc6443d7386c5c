package io.damwebhooks.delivery.dispatch;

import io.damwebhooks.delivery.entity.AttemptResult;
import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.delivery.entity.Outcome;
import io.damwebhooks.delivery.entity.Receiver;
import io.damwebhooks.deliverylog.control.DeliveryMetrics;
import io.damwebhooks.platform.control.Metrics;
import io.damwebhooks.webhook.entity.AuthType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The dispatch core's surroundings, made by hand: a clock that moves when told, a timer that runs when told. */
final class Fakes {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(60);

    private Fakes() { }


    /** A timer whose scheduled tasks run only when the test says so. */
    static final class ManualTimer extends ScheduledThreadPoolExecutor {
        private final List<Runnable> scheduled = new ArrayList<>();

        ManualTimer() {
            super(1);
        }

        @Override
        public synchronized ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
            scheduled.add(task);
            return null;
        }

        synchronized int waiting() {
            return scheduled.size();
        }

        void runScheduled() {
            List<Runnable> due;
            synchronized (this) {
                due = List.copyOf(scheduled);
                scheduled.clear();
            }
            due.forEach(Runnable::run);
        }
    }

    /** An executor that keeps its tasks: sender workers given to it never run, so what was dispatched stays in flight. */
    static final class HeldTasks implements Executor {
        final List<Runnable> tasks = new CopyOnWriteArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }
    }

    static DeliveryMetrics metrics() {
        return new DeliveryMetrics(new Metrics());
    }

    /** Slots whose attempts never start: a webhook may take {@code concurrency} at once and as many waiting. */
    static WebhookSlots slots(int concurrency, List<Outcome> outcomes) {
        return new WebhookSlots(new Circuits(concurrency, 5, Duration.ofSeconds(30)), concurrency,
                leased -> AttemptResult.error(T0, 0, "not sent in this test"), outcomes::add, new HeldTasks(), 4);
    }

    static Leased leased(String webhookId, String deliveryId, Instant leasedUntil) {
        Receiver receiver = new Receiver(webhookId, "PIM", "https", "https://pim.example.com/hook", AuthType.NONE,
                null, null, null, null, null, null, List.of(), List.of("whsec_c2VjcmV0"));
        return new Leased(deliveryId, 1, "{}", receiver, "asset", leasedUntil);
    }

    static List<Leased> leased(String webhookId, int count, Instant leasedUntil) {
        List<Leased> all = new ArrayList<>();
        for (int i = 0; i < count; i++) all.add(leased(webhookId, webhookId + "_msg_" + i, leasedUntil));
        return all;
    }
}
