package io.damwebhooks.delivery.dispatch;

import io.damwebhooks.delivery.entity.Leased;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs attempts on the managed executor's threads through long-lived workers: an idle worker takes
 * the next attempt, and another starts only when more wait than workers are idle (a worker busy with a
 * slow receiver takes nothing meanwhile, so it must not count). Each task given to a managed executor
 * captures the application's context (Payara looks its providers up every time), which costs more than
 * an attempt to a fast receiver (bench/RESULTS.md, "What changed since session 1", item 7).
 * For the same reason an idle worker lingers for {@link #LINGER_MS} before it ends: claims come in
 * batches, and a worker that ended between two batches would be a new task for the next one.
 */
final class SenderWorkers {

    static final long LINGER_MS = 250;

    private final Executor executor;
    private final int maxWorkers;
    private final Consumer<Leased> attempt;
    private final BlockingQueue<Leased> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger waiting = new AtomicInteger(); // ready.size() walks the whole queue
    private final AtomicInteger workers = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final Map<Thread, Leased> running = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    SenderWorkers(Executor executor, int maxWorkers, Consumer<Leased> attempt) {
        this.executor = executor;
        this.maxWorkers = maxWorkers;
        this.attempt = attempt;
    }

    /** Sends it soon; its webhook's slot is already taken. */
    void send(Leased leased) {
        ready.add(leased);
        waiting.incrementAndGet();
        startWorkers();
    }

    /** No attempt starts any more: answers those that were still waiting, to be given back. */
    List<Leased> stop() {
        stopped = true;
        List<Leased> unsent = new ArrayList<>();
        ready.drainTo(unsent);
        return unsent;
    }

    /** The deliveries of the attempts running now. */
    List<Leased> running() {
        return new ArrayList<>(running.values());
    }

    /** Interrupts the attempts still running: their sockets close, and what they answer is dropped. */
    void abandon() {
        running.keySet().forEach(Thread::interrupt);
    }

    private void startWorkers() {
        for (int running; !stopped && (running = workers.get()) < maxWorkers && running - busy.get() < waiting.get(); ) {
            if (workers.compareAndSet(running, running + 1)) {
                try {
                    executor.execute(this::work);
                } catch (RuntimeException stopping) {
                    workers.decrementAndGet();
                    throw stopping;
                }
            }
        }
    }

    /** The next attempt, waiting for one a little; null when none came (or a late interrupt of a timeout did). */
    private Leased next() {
        try {
            return ready.poll(LINGER_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException late) {
            return null;
        }
    }

    private void work() {
        try {
            for (Leased next; !stopped && (next = next()) != null; ) {
                busy.incrementAndGet(); // before it stops counting as waiting: never both idle and not waiting
                waiting.decrementAndGet();
                running.put(Thread.currentThread(), next);
                try {
                    attempt.accept(next);
                } finally {
                    running.remove(Thread.currentThread());
                    busy.decrementAndGet();
                }
            }
        } finally {
            workers.decrementAndGet();
        }
        // one may have arrived after the last poll, while every worker was still counted as running
        if (!ready.isEmpty()) startWorkers();
    }
}
