package io.damwebhooks.delivery.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-webhook isolation, so that a dead or slow receiver cannot starve the others. Each webhook may
 * have at most {@code concurrency} attempts running; after {@code failuresToOpen} attempts in a row
 * that found the receiver in trouble (no answer, 429, 5xx) its circuit opens for {@code openFor}: its
 * deliveries then wait, unclaimed and without an attempt. When that time is up one probe attempt goes
 * out; success closes the circuit, failure opens it again.
 * <p>
 * Fault Tolerance's {@code @CircuitBreaker} and {@code @Bulkhead} count per method, not per webhook,
 * hence this small class. It is in memory, per instance: each instance protects its own threads.
 */
public class Circuits {

    private static final class Circuit {
        int running;
        int failures;
        Instant openUntil;
    }

    private final int concurrency;
    private final int failuresToOpen;
    private final Duration openFor;
    private final Map<String, Circuit> circuits = new HashMap<>();

    public Circuits(int concurrency, int failuresToOpen, Duration openFor) {
        this.concurrency = concurrency;
        this.failuresToOpen = failuresToOpen;
        this.openFor = openFor;
    }

    /** Takes a slot for an attempt to this webhook now, if its circuit and its concurrency allow one. */
    public synchronized boolean tryStart(String webhookId, Instant now) {
        Circuit circuit = circuits.computeIfAbsent(webhookId, id -> new Circuit());
        if (!mayStart(circuit, now)) return false;
        circuit.running++;
        return true;
    }

    /**
     * Gives the slot back with the attempt's verdict; answers the time until which the circuit is now
     * open, if this attempt opened it.
     */
    public synchronized Optional<Instant> finished(String webhookId, boolean receiverTrouble, Instant now) {
        Circuit circuit = circuits.computeIfAbsent(webhookId, id -> new Circuit());
        circuit.running = Math.max(0, circuit.running - 1);
        if (!receiverTrouble) {
            circuit.failures = 0;
            circuit.openUntil = null;
            return Optional.empty();
        }
        circuit.failures++;
        boolean probeFailed = circuit.openUntil != null;
        if (probeFailed || circuit.failures >= failuresToOpen) {
            circuit.openUntil = now.plus(openFor);
            return Optional.of(circuit.openUntil);
        }
        return Optional.empty();
    }

    /** Gives back a slot taken by {@link #tryStart} that went unused. */
    public synchronized void unused(String webhookId) {
        Circuit circuit = circuits.get(webhookId);
        if (circuit != null) circuit.running = Math.max(0, circuit.running - 1);
    }

    /** Until when the webhook's circuit is open, if it is. */
    public synchronized Optional<Instant> openUntil(String webhookId, Instant now) {
        Circuit circuit = circuits.get(webhookId);
        return circuit == null || circuit.openUntil == null || !now.isBefore(circuit.openUntil)
                ? Optional.empty() : Optional.of(circuit.openUntil);
    }

    /**
     * How many more of the webhook's deliveries the dispatcher may claim now, holding {@code waiting}
     * that wait for a slot: none while its circuit is open, one probe when half-open, and while closed
     * up to twice its concurrency in all (one round running, the next one ready).
     */
    public synchronized int room(String webhookId, int waiting, Instant now) {
        Circuit circuit = circuits.get(webhookId);
        if (circuit == null) return 2 * concurrency - waiting;
        if (circuit.openUntil != null) return mayStart(circuit, now) && waiting == 0 ? 1 : 0;
        return Math.max(0, 2 * concurrency - circuit.running - waiting);
    }

    private boolean mayStart(Circuit circuit, Instant now) {
        if (circuit.openUntil != null) {
            // open: nothing; half-open (time is up): one probe at a time
            return !now.isBefore(circuit.openUntil) && circuit.running == 0;
        }
        return circuit.running < concurrency;
    }
}
