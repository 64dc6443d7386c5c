package io.damwebhooks.delivery.dispatch;

import io.damwebhooks.delivery.entity.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Function;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dispatcher's finished attempts, and the deliveries it gave back unattempted, on their way to the
 * database ({@link Outcomes}, through {@link DatabaseRetry}). A full batch is recorded at once; otherwise
 * outcomes gather for {@link #LINGER_MS} first, so that under load one commit records many of them (each
 * commit costs the database a write of every page it touched). One batch is recorded at a time, on a
 * sender thread: the timer's two threads only wake, and recording may wait on the database.
 */
final class OutcomeBatches {

    private static final Logger LOG = Logger.getLogger(OutcomeBatches.class.getName());
    static final int BATCH = 200;
    static final long LINGER_MS = 20;

    private final Queue<Outcome> finished = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean recording = new AtomicBoolean();
    private final AtomicInteger unrecorded = new AtomicInteger();
    private final Function<List<Outcome>, Optional<Instant>> database;
    private final Dispatcher dispatcher;
    private final Linger soon;

    OutcomeBatches(Executor senders, ScheduledExecutorService timer, Function<List<Outcome>, Optional<Instant>> database, Dispatcher dispatcher) {
        this.database = database;
        this.dispatcher = dispatcher;
        this.soon = new Linger(timer, LINGER_MS, () -> senders.execute(this::record));
    }

    void add(Outcome outcome) {
        finished.add(outcome);
        if (unrecorded.incrementAndGet() >= BATCH) record();
        else soon.ask();
    }

    private void record() {
        while (!finished.isEmpty() && recording.compareAndSet(false, true)) {
            List<Outcome> batch = new ArrayList<>();
            try {
                for (Outcome next; batch.size() < BATCH && (next = finished.poll()) != null; ) batch.add(next);
                unrecorded.addAndGet(-batch.size());
                database.apply(batch).ifPresent(dispatcher::wakeAt);
            } catch (RuntimeException e) {
                // not recorded: the leases run out and the deliveries are attempted again (at least once)
                LOG.log(Level.WARNING, "Recording " + batch.size() + " delivery outcomes failed", e);
            } finally {
                dispatcher.giveBack(batch.size());
                recording.set(false);
            }
        }
        dispatcher.nudge();
    }
}
