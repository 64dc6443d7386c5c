package io.damwebhooks.delivery.lease;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rate limits of one claim, shared by every instance through the webhook's row: a generic cell rate
 * algorithm (GCRA). {@code rate_next_at} is the start of the next free slot, one slot every
 * {@code 1/perSecond}; a claim may take the slots that have begun by now, and moves the mark on by the
 * slots it used. The row is locked for the claim's transaction ({@code FOR UPDATE SKIP LOCKED}: when
 * another instance is claiming for the same webhook this one takes none now, rather than waiting).
 * Slots missed while nobody claimed are not kept beyond {@link #CATCH_UP}, so an idle webhook gets no
 * burst: over any 10 s at most {@code 10.5 * perSecond + 1} attempts start (within the promised 10 %). Deliveries beyond the
 * allowance are not claimed (pending, due, no attempt counted); {@link #wakeAt} says when to come back.
 */
final class RateAllowance {

    /**
     * How far back missed slots still count: a dispatcher that wakes late (a loaded machine, a busy
     * database) still keeps the rate. Half a second keeps any 10 s within 10 % over the limit for every N.
     */
    static final Duration CATCH_UP = Duration.ofMillis(500);

    private record Slots(Instant from, Duration interval) { }

    private final EntityManager em;
    private final Instant now;
    private final Map<String, Slots> taken = new HashMap<>();
    private Instant wakeAt;

    RateAllowance(EntityManager em, Instant now) {
        this.em = em;
        this.now = now;
    }

    /** How many of {@code want} attempts the webhook's limit allows now; locks its allowance until the claim ends. */
    int available(String webhookId, int perSecond, int want) {
        Duration interval = Duration.ofNanos(1_000_000_000L / perSecond);
        List<?> row = em.createNativeQuery("SELECT rate_next_at FROM webhook WHERE id = ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, webhookId).getResultList();
        if (row.isEmpty()) { // another claim holds it right now
            wake(now.plus(interval));
            return 0;
        }
        Instant stored = instant(row.get(0));
        Instant floor = now.minus(CATCH_UP);
        Instant from = stored == null || stored.isBefore(floor) ? floor : stored;
        if (from.isAfter(now)) {
            wake(from);
            return 0;
        }
        taken.put(webhookId, new Slots(from, interval));
        long slots = Duration.between(from, now).toNanos() / interval.toNanos() + 1;
        return (int) Math.min(want, slots);
    }

    /** The claim took {@code used} attempts of this webhook: the next slot moves on by as many. */
    void use(String webhookId, int used) {
        Slots slots = taken.get(webhookId);
        if (slots == null || used == 0) return;
        Instant next = slots.from().plus(slots.interval().multipliedBy(used));
        em.createNativeQuery("UPDATE webhook SET rate_next_at = ?1 WHERE id = ?2")
                .setParameter(1, next).setParameter(2, webhookId).executeUpdate();
        if (next.isAfter(now)) wake(next); // more may be due: come back when the next slot begins
    }

    /** The earliest moment a limited webhook has a slot again, when this claim left some due deliveries for it. */
    Optional<Instant> wakeAt() {
        return Optional.ofNullable(wakeAt);
    }

    private void wake(Instant at) {
        if (wakeAt == null || at.isBefore(wakeAt)) wakeAt = at;
    }

    private static Instant instant(Object value) {
        if (value == null) return null;
        if (value instanceof Instant instant) return instant;
        if (value instanceof OffsetDateTime offset) return offset.toInstant();
        if (value instanceof Timestamp timestamp) return timestamp.toInstant();
        throw new IllegalStateException("rate_next_at read as " + value.getClass());
    }
}
