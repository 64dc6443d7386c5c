package io.damwebhooks.delivery.dispatch;

import io.damwebhooks.delivery.entity.Leased;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.Poll;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The workers on a real thread pool, sent to from many threads at once: every attempt runs exactly
 * once, never more than the limit run at once, and the executor gets far fewer tasks than there were
 * attempts (a task per attempt was what cost the CPU). The narrow race that the re-check at the end of
 * a worker closes (an attempt queued between its last poll and its exit) is not provoked here.
 */
class SenderWorkersTest {

    static final int ATTEMPTS = 20_000;
    static final int MAX_WORKERS = 4;

    @Test
    void everyAttemptRunsOnceOnAtMostTheLimitOfLongLivedWorkers() throws Exception {
        AtomicInteger tasks = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        AtomicInteger twice = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            SenderWorkers workers = new SenderWorkers(task -> {
                tasks.incrementAndGet();
                pool.execute(task);
            }, MAX_WORKERS, leased -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                if (!attempted.add(leased.deliveryId())) twice.incrementAndGet();
                running.decrementAndGet();
            });
            for (int s = 0; s < 4; s++) {
                int offset = s * (ATTEMPTS / 4);
                senders.execute(() -> {
                    for (int i = 0; i < ATTEMPTS / 4; i++) workers.send(new Leased("msg_" + (offset + i), 1, "{}", null, null, null));
                });
            }
            Poll.until(Duration.ofSeconds(30), attempted::size, n -> n == ATTEMPTS, "every attempt ran");
            assertEquals(0, twice.get(), "no attempt ran twice");
            assertTrue(mostAtOnce.get() <= MAX_WORKERS, mostAtOnce.get() + " at once");
            assertTrue(tasks.get() < ATTEMPTS / 2, tasks.get() + " executor tasks for " + ATTEMPTS + " attempts");
        } finally {
            senders.shutdownNow();
            pool.shutdownNow();
        }
    }

    @Test
    void anAttemptDoesNotWaitForAWorkerBusyWithASlowReceiver() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch slowReleased = new CountDownLatch(1);
        CountDownLatch quickRan = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SenderWorkers workers = new SenderWorkers(pool, MAX_WORKERS, leased -> {
                if (!leased.deliveryId().equals("slow")) {
                    quickRan.countDown();
                    return;
                }
                slowStarted.countDown();
                try {
                    slowReleased.await(); // a receiver that hangs until the test ends
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            workers.send(new Leased("slow", 1, "{}", null, null, null));
            assertTrue(slowStarted.await(5, TimeUnit.SECONDS), "the slow attempt is running");
            workers.send(new Leased("quick", 1, "{}", null, null, null));
            assertTrue(quickRan.await(5, TimeUnit.SECONDS), "the quick attempt ran while the slow one still hangs");
        } finally {
            slowReleased.countDown();
            pool.shutdownNow();
        }
    }
}
