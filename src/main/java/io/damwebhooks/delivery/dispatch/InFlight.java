package io.damwebhooks.delivery.dispatch;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deliveries this instance holds between taking them (a claim, or the hand-over's queue) and
 * recording their outcome, and their limit: enough that the next batches are claimed while earlier ones
 * are sent and recorded (a pipeline, not claim-send-record in turn), few enough to be sent within a
 * lease. The claim loop and the hand-over take; the outcome batches release.
 */
final class InFlight {

    private final int limit;
    private final AtomicInteger held = new AtomicInteger();

    InFlight(int limit) {
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** How many more may be taken now. */
    int room() {
        return limit - held.get();
    }

    /** Takes one if there is room. */
    boolean tryTake() {
        if (held.incrementAndGet() <= limit) return true;
        held.decrementAndGet();
        return false;
    }

    /** Takes what a claim took: it asked for no more than {@link #room}. */
    void take(int count) {
        held.addAndGet(count);
    }

    /** Recorded, or given back: room for as many more. */
    void release(int count) {
        held.addAndGet(-count);
    }
}
