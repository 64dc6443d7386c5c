package io.damwebhooks.delivery.dispatch;

import io.damwebhooks.delivery.entity.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finished attempts, and deliveries given back unattempted, on their way to the database. A full batch
 * is recorded at once; otherwise outcomes gather for {@link #LINGER_MS} first, so that under load one
 * commit records many (each commit costs the database a write of every page it touched). One batch is
 * recorded at a time, on a sender thread: the timer's two threads only wake, and recording may wait on
 * the database.
 */
final class OutcomeBatches {

    /** Told after each batch, recorded or not: its deliveries are no longer in flight. */
    interface Listener {
        void recorded(int outcomes, Optional<Instant> earliestRetry);
    }

    private static final Logger LOG = Logger.getLogger(OutcomeBatches.class.getName());
    static final int BATCH = 200;
    static final long LINGER_MS = 20;

    private final Queue<Outcome> finished = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean recording = new AtomicBoolean();
    private final AtomicInteger unrecorded = new AtomicInteger();
    private final Function<List<Outcome>, Optional<Instant>> database;
    private final Listener listener;
    private final Linger soon;
    private volatile boolean closed;

    /** {@code database} records a batch in one transaction and answers the earliest retry it scheduled. */
    OutcomeBatches(Executor senders, ScheduledExecutorService timer, Function<List<Outcome>, Optional<Instant>> database,
                   Listener listener) {
        this.database = database;
        this.listener = listener;
        this.soon = new Linger(timer, LINGER_MS, () -> senders.execute(this::record));
    }

    void add(Outcome outcome) {
        if (closed) return; // given back at the stop: a late answer's lease is no longer this instance's
        finished.add(outcome);
        if (unrecorded.incrementAndGet() >= BATCH) record();
        else soon.ask();
    }

    /** These are the last outcomes: whatever is added after them is dropped. */
    void close(List<Outcome> last) {
        finished.addAll(last);
        unrecorded.addAndGet(last.size());
        closed = true;
    }

    /** Records what has gathered, on the caller's thread, unless another thread is recording now. */
    void record() {
        while (!finished.isEmpty() && recording.compareAndSet(false, true)) {
            List<Outcome> batch = new ArrayList<>();
            Optional<Instant> earliestRetry = Optional.empty();
            try {
                for (Outcome next; batch.size() < BATCH && (next = finished.poll()) != null; ) batch.add(next);
                unrecorded.addAndGet(-batch.size());
                earliestRetry = database.apply(batch);
            } catch (RuntimeException e) {
                // not recorded: the leases run out and the deliveries are attempted again (at least once)
                LOG.log(Level.WARNING, "Recording " + batch.size() + " delivery outcomes failed", e);
            } finally {
                recording.set(false);
                listener.recorded(batch.size(), earliestRetry);
            }
        }
    }
}
