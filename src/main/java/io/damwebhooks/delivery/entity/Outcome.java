package io.damwebhooks.delivery.entity;

import java.time.Instant;

/**
 * What became of a claimed delivery, to be recorded: an attempt with its result, or (result null) no
 * attempt — the claim is given back, due again at {@code deferUntil} when that is set.
 */
public record Outcome(Claimed claimed, AttemptResult result, Instant deferUntil) {

    public static Outcome attempted(Claimed claimed, AttemptResult result) {
        return new Outcome(claimed, result, null);
    }

    public static Outcome deferred(Claimed claimed, Instant until) {
        return new Outcome(claimed, null, until);
    }
}
