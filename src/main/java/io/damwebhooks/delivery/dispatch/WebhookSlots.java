package io.damwebhooks.delivery.dispatch;

import io.damwebhooks.delivery.entity.AttemptResult;
import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.delivery.entity.Outcome;
import io.damwebhooks.delivery.send.AttemptTimeout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Where taken deliveries go to be sent: each starts an attempt on a sender thread when its webhook's
 * {@link Circuits} give it a slot, waits for one (at most {@code perWebhook} of a webhook wait), or — its
 * circuit open, or too many waiting — goes back unattempted to the {@link OutcomeBatches}. A finished
 * attempt goes there too, and lets the webhook's next waiting delivery start.
 */
final class WebhookSlots {

    private static final Logger LOG = Logger.getLogger(WebhookSlots.class.getName());

    private final Circuits circuits;
    private final int perWebhook;
    private final Function<Leased, AttemptResult> send;
    private final Consumer<Outcome> outcomes;
    private final SenderWorkers workers;
    private final Map<String, Queue<Leased>> waiting = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    /** {@code send} makes one attempt ({@code Sender.send}); attempts and deliveries given back go to {@code outcomes}. */
    WebhookSlots(Circuits circuits, int perWebhook, Function<Leased, AttemptResult> send, Consumer<Outcome> outcomes,
                 Executor senders, int maxWorkers) {
        this.circuits = circuits;
        this.perWebhook = perWebhook;
        this.send = send;
        this.outcomes = outcomes;
        this.workers = new SenderWorkers(senders, maxWorkers, this::attempt);
    }

    /** How many more of the webhook's deliveries the dispatcher may take now ({@link Circuits#room}). */
    int room(String webhookId, Instant now) {
        return circuits.room(webhookId, waitingFor(webhookId), now);
    }

    Optional<Instant> openUntil(String webhookId, Instant now) {
        return circuits.openUntil(webhookId, now);
    }

    /** Sends it when its webhook has a slot; until then it waits, or is given back. */
    void dispatch(Leased leased) {
        if (stopped) {
            outcomes.accept(new Outcome.GivenBack(leased)); // taken by a claim that was under way at the stop
            return;
        }
        String webhookId = leased.webhookId();
        Instant now = Instant.now();
        if (circuits.tryStart(webhookId, now)) {
            workers.send(leased);
            return;
        }
        Optional<Instant> open = circuits.openUntil(webhookId, now);
        Queue<Leased> queue = waiting.computeIfAbsent(webhookId, id -> new ConcurrentLinkedQueue<>());
        if (open.isEmpty() && queue.size() < perWebhook) {
            queue.add(leased);
            startWaiting(webhookId);
        } else {
            outcomes.accept(open.<Outcome>map(until -> new Outcome.Deferred(leased, until)).orElseGet(() -> new Outcome.GivenBack(leased)));
        }
    }

    /** No attempt starts any more: answers the deliveries still waiting for a slot or a worker, to be given back. */
    List<Leased> stop() {
        stopped = true;
        List<Leased> unsent = new ArrayList<>(workers.stop());
        waiting.values().forEach(queue -> {
            for (Leased next; (next = queue.poll()) != null; ) unsent.add(next);
        });
        return unsent;
    }

    /** The deliveries of the attempts running now. */
    List<Leased> running() {
        return workers.running();
    }

    /** The attempts still running are cut off. */
    void abandon() {
        workers.abandon();
    }

    private void attempt(Leased leased) {
        AttemptResult result;
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        try {
            result = send.apply(leased);
        } catch (TimeoutException e) {
            result = AttemptResult.error(startedAt, (System.nanoTime() - start) / 1_000_000,
                    "timed out after " + AttemptTimeout.millis() + " ms (webhooks.delivery.timeout)");
        } catch (RuntimeException | Error e) {
            result = AttemptResult.error(startedAt, (System.nanoTime() - start) / 1_000_000,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            Thread.interrupted(); // a timeout's interrupt that came late must not hit the next attempt on this thread
        }
        Optional<Instant> opened = circuits.finished(leased.webhookId(), result.receiverTrouble(), Instant.now());
        opened.ifPresent(until -> LOG.info(() -> "Circuit of webhook " + leased.webhookId() + " open until " + until));
        outcomes.accept(new Outcome.Attempted(leased, result));
        startWaiting(leased.webhookId());
    }

    private int waitingFor(String webhookId) {
        Queue<Leased> queue = waiting.get(webhookId);
        return queue == null ? 0 : queue.size();
    }

    /** Starts the webhook's waiting deliveries while it has slots; gives them back when its circuit opened. */
    private void startWaiting(String webhookId) {
        Queue<Leased> queue = waiting.get(webhookId);
        if (queue == null) return;
        while (!queue.isEmpty()) {
            Instant now = Instant.now();
            Optional<Instant> open = circuits.openUntil(webhookId, now);
            if (open.isPresent()) {
                for (Leased next; (next = queue.poll()) != null; ) outcomes.accept(new Outcome.Deferred(next, open.get()));
                return;
            }
            if (!circuits.tryStart(webhookId, now)) return;
            Leased next = queue.poll();
            if (next == null) {
                circuits.unused(webhookId);
                return;
            }
            workers.send(next);
        }
    }
}
