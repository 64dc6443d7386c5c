package io.damwebhooks.delivery.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one claim took; whether due rows may be left in the table ({@code more}: a webhook had at least
 * as many due as it was given room for, or the claim's limit stopped it before it asked every webhook);
 * and when to claim again because a rate limit left due deliveries behind.
 */
public record ClaimBatch(List<Claimed> claimed, boolean more, Optional<Instant> wakeAt) {

    static final ClaimBatch NONE = new ClaimBatch(List.of(), false, Optional.empty());
}
