package io.damwebhooks.delivery.entity;

import java.time.Instant;

/** What became of a leased delivery, to be recorded with its lease ended. */
public sealed interface Outcome {

    Leased leased();

    /** An attempt was made: its result decides the delivery's state (succeeded, failed, due again). */
    record Attempted(Leased leased, AttemptResult result) implements Outcome { }

    /** No attempt: the lease is given back, and the delivery is due when it was due before. */
    record GivenBack(Leased leased) implements Outcome { }

    /** No attempt, its webhook's circuit being open: the delivery is due again when the circuit half-opens. */
    record Deferred(Leased leased, Instant until) implements Outcome { }
}
