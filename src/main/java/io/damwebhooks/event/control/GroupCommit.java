package io.damwebhooks.event.control;

import io.damwebhooks.api.AssetEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;

/**
 * Posted events, accepted in groups: each request waits while one of them (the leader) records every
 * event queued so far in one transaction, so that under load many events share one commit, and when
 * alone an event goes at once. Each answer comes only after its event is committed. When a group's
 * transaction fails, each of its events is tried again alone, so one bad event fails only its own request.
 */
@ApplicationScoped
public class GroupCommit {

    /** Events per transaction at most: about 500 deliveries with five webhooks. */
    static final int MAX_GROUP = 100;

    @Inject
    EventIntake intake;

    private final Queue<Request> queue = new ArrayDeque<>();
    private boolean leading;

    private static final class Request {
        final AssetEvent event;
        Accepted accepted;
        RuntimeException failure;
        boolean done;

        Request(AssetEvent event) {
            this.event = event;
        }
    }

    public Accepted accept(AssetEvent event) {
        Request mine = new Request(event);
        List<Request> group;
        synchronized (this) {
            queue.add(mine);
            while (leading && !mine.done) waitForLeader();
            if (mine.done) return answer(mine);
            // still queued, so the group this thread leads includes its own event
            leading = true;
            group = new ArrayList<>();
            for (Request next; group.size() < MAX_GROUP && (next = queue.poll()) != null; ) group.add(next);
        }
        try {
            record(group);
        } finally {
            synchronized (this) {
                leading = false;
                for (Request request : group) {
                    // an Error in the leader: no answer was set, and none of them may read as accepted
                    if (request.accepted == null && request.failure == null) {
                        request.failure = new IllegalStateException("The event could not be recorded");
                    }
                    request.done = true;
                }
                notifyAll();
            }
        }
        return answer(mine);
    }

    private void record(List<Request> group) {
        try {
            List<Accepted> answers = intake.acceptAll(group.stream().map(r -> r.event).toList());
            for (int i = 0; i < group.size(); i++) group.get(i).accepted = answers.get(i);
        } catch (RuntimeException failed) {
            for (Request request : group) {
                try {
                    request.accepted = alone(request.event);
                } catch (RuntimeException e) {
                    request.failure = e;
                }
            }
        }
    }

    /** One event in its own transaction; the same id posted twice at once answers as the one its primary key let through. */
    private Accepted alone(AssetEvent event) {
        try {
            return intake.accept(event);
        } catch (RuntimeException e) {
            if (event.id() == null) throw e;
            Optional<Accepted> first;
            try {
                first = intake.find(event.id());
            } catch (RuntimeException again) {
                e.addSuppressed(again);
                throw e;
            }
            return first.orElseThrow(() -> e);
        }
    }

    /** Requests waiting for the next group (for tests: call while holding this object's lock). */
    int queued() {
        return queue.size();
    }

    private void waitForLeader() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the event was being recorded", e);
        }
    }

    private static Accepted answer(Request request) {
        // a commit that failed (the database could not write) reaches the API's own exception mapper,
        // which answers 503, rather than the JAX-RS runtime's mapper for TransactionalException (a 500)
        if (request.failure instanceof TransactionalException commit) throw new PersistenceException("Not committed", commit);
        if (request.failure != null) throw request.failure;
        return request.accepted;
    }
}
