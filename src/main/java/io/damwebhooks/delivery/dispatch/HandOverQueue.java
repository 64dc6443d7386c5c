package io.damwebhooks.delivery.dispatch;

import io.damwebhooks.delivery.entity.Leased;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh deliveries handed over by the commit that recorded them, waiting in memory for room in flight:
 * one first-in-first-out queue per webhook, so that a slow receiver's deliveries never stand in front of
 * another's. Room is reserved before the commit, so a commit never hands over more than fits.
 * <p>
 * A queue rather than only the room in flight: in a burst the intake records faster than receivers take,
 * and what did not fit would be claimed back from the table — an UPDATE and a read of its body per
 * delivery (bench/RESULTS.md, session 7). The bounds keep a queue short enough to start
 * well within a lease; {@link HandOver} gives back any that waited longer.
 */
final class HandOverQueue {

    /** Deliveries of one webhook queued or reserved, at most. */
    static final int PER_WEBHOOK = 4_000;
    /** Of all webhooks, at most: about 15 MB of bodies of 1.5 KB. */
    static final int TOTAL = 10_000;

    private static final class Lane {
        final Queue<Leased> ready = new ConcurrentLinkedQueue<>();
        final AtomicInteger taken = new AtomicInteger(); // reserved or queued
    }

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    /** Takes room for up to {@code wanted} of the webhook's deliveries; answers how many fit. */
    int reserve(String webhookId, int wanted) {
        Lane lane = lanes.computeIfAbsent(webhookId, id -> new Lane());
        int take = Math.min(wanted, Math.min(PER_WEBHOOK - lane.taken.get(), TOTAL - total.get()));
        if (take <= 0) return 0;
        // optimistic, then checked: a race may leave a little room unused, never overfill
        if (lane.taken.addAndGet(take) > PER_WEBHOOK | total.addAndGet(take) > TOTAL) {
            cancel(webhookId, take);
            return 0;
        }
        return take;
    }

    /** Room reserved for deliveries that will not come (their transaction rolled back, or they went elsewhere). */
    void cancel(String webhookId, int reserved) {
        if (reserved <= 0) return;
        lanes.get(webhookId).taken.addAndGet(-reserved);
        total.addAndGet(-reserved);
    }

    /** Committed: these join their webhooks' queues, in the order given (room was reserved for each). */
    void add(Collection<Leased> committed) {
        committed.forEach(leased -> lanes.get(leased.webhookId()).ready.add(leased));
    }

    /** The webhook's oldest queued delivery, out of the queue; null when none. */
    Leased poll(String webhookId) {
        Lane lane = lanes.get(webhookId);
        Leased next = lane == null ? null : lane.ready.poll();
        if (next != null) cancel(webhookId, 1);
        return next;
    }

    /** Everything queued, out of the queues. */
    List<Leased> drain() {
        List<Leased> all = new ArrayList<>();
        for (String webhookId : lanes.keySet()) {
            for (Leased next; (next = poll(webhookId)) != null; ) all.add(next);
        }
        return all;
    }

    boolean has(String webhookId) {
        Lane lane = lanes.get(webhookId);
        return lane != null && !lane.ready.isEmpty();
    }

    /** Webhooks that have (or had) deliveries queued. */
    Set<String> webhooks() {
        return lanes.keySet();
    }

    /** Nothing queued, nor reserved by a commit in progress. */
    boolean isEmpty() {
        return total.get() == 0;
    }
}
