package io.damwebhooks.delivery.dispatch;

import io.damwebhooks.delivery.entity.AttemptResult;
import io.damwebhooks.delivery.entity.Claimed;
import io.damwebhooks.delivery.entity.Outcome;
import io.damwebhooks.delivery.send.AttemptTimeout;
import io.damwebhooks.delivery.send.Sender;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Where the dispatcher's deliveries go to be sent: each starts an attempt on a sender thread when its
 * webhook's {@link Circuits} give it a slot, waits for one (at most {@code perWebhook} of a webhook
 * wait), or — its circuit open, or too many waiting — is given back unattempted to the
 * {@link OutcomeBatches}. A finished attempt goes there too, and lets the webhook's next waiting
 * delivery start.
 */
final class WebhookSlots {

    private static final Logger LOG = Logger.getLogger(WebhookSlots.class.getName());

    private final Circuits circuits;
    private final int perWebhook;
    private final Sender sender;
    private final OutcomeBatches outcomes;
    private final SenderWorkers workers;
    private final Map<String, Queue<Claimed>> waiting = new ConcurrentHashMap<>();

    WebhookSlots(Circuits circuits, int perWebhook, Sender sender, OutcomeBatches outcomes, Executor senders, int maxWorkers) {
        this.circuits = circuits;
        this.perWebhook = perWebhook;
        this.sender = sender;
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
    void dispatch(Claimed claimed) {
        String webhookId = claimed.webhookId();
        Instant now = Instant.now();
        if (circuits.tryStart(webhookId, now)) {
            workers.send(claimed);
            return;
        }
        Optional<Instant> open = circuits.openUntil(webhookId, now);
        Queue<Claimed> queue = waiting.computeIfAbsent(webhookId, id -> new ConcurrentLinkedQueue<>());
        if (open.isEmpty() && queue.size() < perWebhook) {
            queue.add(claimed);
            startWaiting(webhookId);
        } else {
            outcomes.add(Outcome.deferred(claimed, open.orElse(null)));
        }
    }

    /** What is still waiting for a worker is dropped: its lease runs out and it is attempted again. */
    void stop() {
        workers.stop();
    }

    private void attempt(Claimed claimed) {
        AttemptResult result;
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        try {
            result = sender.send(claimed);
        } catch (TimeoutException e) {
            result = AttemptResult.error(startedAt, (System.nanoTime() - start) / 1_000_000,
                    "timed out after " + AttemptTimeout.millis() + " ms (webhooks.delivery.timeout)");
        } catch (RuntimeException | Error e) {
            result = AttemptResult.error(startedAt, (System.nanoTime() - start) / 1_000_000,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            Thread.interrupted(); // a timeout's interrupt that came late must not hit the next attempt on this thread
        }
        Optional<Instant> opened = circuits.finished(claimed.webhookId(), result.receiverTrouble(), Instant.now());
        opened.ifPresent(until -> LOG.info(() -> "Circuit of webhook " + claimed.webhookId() + " open until " + until));
        outcomes.add(Outcome.attempted(claimed, result));
        startWaiting(claimed.webhookId());
    }

    private int waitingFor(String webhookId) {
        Queue<Claimed> queue = waiting.get(webhookId);
        return queue == null ? 0 : queue.size();
    }

    /** Starts the webhook's waiting deliveries while it has slots; gives them back when its circuit opened. */
    private void startWaiting(String webhookId) {
        Queue<Claimed> queue = waiting.get(webhookId);
        if (queue == null) return;
        while (!queue.isEmpty()) {
            Instant now = Instant.now();
            Optional<Instant> open = circuits.openUntil(webhookId, now);
            if (open.isPresent()) {
                for (Claimed next; (next = queue.poll()) != null; ) outcomes.add(Outcome.deferred(next, open.get()));
                return;
            }
            if (!circuits.tryStart(webhookId, now)) return;
            Claimed next = queue.poll();
            if (next == null) {
                circuits.unused(webhookId);
                return;
            }
            workers.send(next);
        }
    }
}
