package io.damwebhooks.delivery.control;

import java.time.Instant;

/**
 * What became of a claimed delivery, to be recorded: an attempt with its result, or (result null) no
 * attempt — the claim is given back, due again at {@code deferUntil} when that is set. When the
 * attempt opened the webhook's circuit, {@code circuitOpenUntil} says until when.
 */
public record Outcome(Claimed claimed, AttemptResult result, Instant deferUntil, Instant circuitOpenUntil) {

    public static Outcome attempted(Claimed claimed, AttemptResult result, Instant circuitOpenUntil) {
        return new Outcome(claimed, result, null, circuitOpenUntil);
    }

    public static Outcome deferred(Claimed claimed, Instant until) {
        return new Outcome(claimed, null, until, null);
    }
}
