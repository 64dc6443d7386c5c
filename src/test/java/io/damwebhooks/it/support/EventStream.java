package io.damwebhooks.it.support;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DAM posting {@code asset.uploaded} events one after another, each with its own id and each until it
 * is answered 202 (the same id again: intake is idempotent), as a DAM that retries does. It remembers
 * which events were accepted and how often each status (or -1: no answer) came back.
 */
public final class EventStream implements AutoCloseable {

    public final Set<String> accepted = ConcurrentHashMap.newKeySet();
    public final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public EventStream(Api publisher, String prefix) {
        AtomicInteger next = new AtomicInteger();
        thread = new Thread(() -> {
            while (running.get()) {
                String id = prefix + "-" + next.getAndIncrement();
                while (running.get() && !post(publisher, id)) {
                    pause(50); // down, or starting: the DAM tries again
                }
                pause(5); // a steady stream, not a flood
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    /** How often {@code status} was answered so far. */
    public int count(int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    private boolean post(Api publisher, String id) {
        int status;
        try {
            status = publisher.post("events", """
                    {"id": "%s", "type": "asset.uploaded", "asset": {"uuid": "u-%s", "name": "a.jpg"}}""".formatted(id, id)).status();
        } catch (RuntimeException noAnswer) {
            status = -1;
        }
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        if (status != 202) return false;
        accepted.add(id);
        return true;
    }

    /** Stops posting; the event being posted is finished first. */
    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // pacing the stream, not a synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
