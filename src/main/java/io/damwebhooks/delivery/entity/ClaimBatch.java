package io.damwebhooks.delivery.entity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What one claim took, and when to claim again because a rate limit left due deliveries behind. */
public record ClaimBatch(List<Leased> leased, Optional<Instant> wakeAt) {

    public static final ClaimBatch NONE = new ClaimBatch(List.of(), Optional.empty());
}
