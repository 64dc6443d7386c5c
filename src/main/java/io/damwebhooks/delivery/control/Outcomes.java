package io.damwebhooks.delivery.control;

import io.damwebhooks.platform.control.Durations;
import io.damwebhooks.delivery.entity.Attempt;
import io.damwebhooks.delivery.entity.Delivery;
import io.damwebhooks.delivery.entity.DeliveryStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes what became of a batch of claimed deliveries in one transaction: the attempts, each
 * delivery's new state (succeeded, failed, or pending until its next attempt), and what the results
 * mean for their webhooks (a 410 or failing for {@code disable-after} deactivates; a success clears
 * {@code failingSince}). Webhook columns change by bulk update, so an admin editing the webhook at
 * the same time does not meet a version conflict for a delivery's bookkeeping.
 */
@ApplicationScoped
public class Outcomes {

    static final int ERROR_LIMIT = 1000;

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    AssetLanes lanes;

    @Inject
    AttemptStats stats;

    @Inject
    @ConfigProperty(name = "webhooks.delivery.retry-delays", defaultValue = "5s,5m,30m,2h,5h,10h,10h")
    String retryDelays;

    @Inject
    @ConfigProperty(name = "webhooks.delivery.disable-after", defaultValue = "5d")
    String disableAfterText;

    private RetryPolicy policy;
    private Duration disableAfter;

    @PostConstruct
    void configure() {
        policy = new RetryPolicy(Durations.parseList("webhooks.delivery.retry-delays", retryDelays));
        disableAfter = Durations.parse("webhooks.delivery.disable-after", disableAfterText);
    }

    /** Records the batch; answers the earliest next attempt it scheduled, if any. */
    @Transactional
    public Optional<Instant> record(List<Outcome> outcomes, String instance) {
        Instant now = Instant.now();
        Map<String, Delivery> deliveries = em.createQuery("SELECT d FROM Delivery d WHERE d.id IN :ids", Delivery.class)
                .setParameter("ids", outcomes.stream().map(o -> o.claimed().deliveryId()).toList())
                .getResultStream().collect(Collectors.toMap(d -> d.id, Function.identity()));
        Set<String> succeeded = new HashSet<>();
        Set<String> failing = new HashSet<>();
        List<Delivery> done = new ArrayList<>();
        Instant earliest = null;
        AttemptStats.Tally tally = new AttemptStats.Tally();
        for (Outcome outcome : outcomes) {
            Delivery delivery = deliveries.get(outcome.claimed().deliveryId());
            // gone (webhook deleted), or no longer ours: its lease ran out and another instance took it
            if (delivery == null || delivery.status != DeliveryStatus.pending || !instance.equals(delivery.leasedBy)) continue;
            delivery.leaseUntil = null;
            delivery.leasedBy = null;
            delivery.updatedAt = now;
            if (outcome.result() == null) {
                if (outcome.deferUntil() != null) delivery.nextAttemptAt = outcome.deferUntil();
                continue;
            }
            AttemptResult result = outcome.result();
            em.persist(attempt(delivery, result));
            delivery.attemptCount++;
            delivery.lastStatusCode = result.statusCode();
            metrics.attempt(result);
            tally.count(delivery.webhookId, result);
            if (result.succeeded()) {
                finish(delivery, DeliveryStatus.succeeded);
                done.add(delivery);
                succeeded.add(delivery.webhookId);
                continue;
            }
            failing.add(delivery.webhookId);
            if (result.gone()) {
                finish(delivery, DeliveryStatus.failed);
                done.add(delivery);
                deactivate(delivery.webhookId, "The receiver answered 410 Gone to " + delivery.id + " at " + now + ".", now);
                continue;
            }
            Optional<Instant> next = policy.next(delivery.attemptCount, now, result.retryAfter());
            if (next.isEmpty()) {
                finish(delivery, DeliveryStatus.failed);
                done.add(delivery);
            } else {
                delivery.nextAttemptAt = next.get();
                metrics.outcome("retrying");
                if (earliest == null || next.get().isBefore(earliest)) earliest = next.get();
            }
        }
        failing.removeAll(succeeded);
        updateFailingSince(succeeded, failing, now);
        stats.add(tally);
        // written now rather than at commit: a lost connection surfaces here, whole, for DatabaseRetry
        em.flush();
        lanes.releaseNext(done, now); // per-asset ordering: each finished delivery lets its asset's next one go
        return Optional.ofNullable(earliest);
    }

    private void finish(Delivery delivery, DeliveryStatus status) {
        delivery.status = status;
        delivery.nextAttemptAt = null;
        metrics.outcome(status.name());
    }

    private static Attempt attempt(Delivery delivery, AttemptResult result) {
        Attempt attempt = new Attempt();
        attempt.deliveryId = delivery.id;
        attempt.number = delivery.attemptCount + 1;
        attempt.startedAt = result.startedAt();
        attempt.durationMs = result.durationMs();
        attempt.statusCode = result.statusCode();
        attempt.error = result.error() == null || result.error().length() <= ERROR_LIMIT
                ? result.error() : result.error().substring(0, ERROR_LIMIT - 1) + "…";
        attempt.responseBody = result.responseBody();
        return attempt;
    }

    private void updateFailingSince(Set<String> succeeded, Set<String> failing, Instant now) {
        if (!succeeded.isEmpty()) {
            em.createQuery("UPDATE Webhook w SET w.failingSince = NULL WHERE w.id IN :ids AND w.failingSince IS NOT NULL")
                    .setParameter("ids", succeeded).executeUpdate();
        }
        if (failing.isEmpty()) return;
        em.createQuery("UPDATE Webhook w SET w.failingSince = :now WHERE w.id IN :ids AND w.failingSince IS NULL")
                .setParameter("now", now).setParameter("ids", failing).executeUpdate();
        em.createQuery("UPDATE Webhook w SET w.active = FALSE, w.failingSince = NULL, w.disabledReason = :reason,"
                        + " w.updatedAt = :now, w.version = w.version + 1"
                        + " WHERE w.id IN :ids AND w.active = TRUE AND w.failingSince <= :cutoff")
                .setParameter("reason", "Every delivery attempt failed for longer than " + disableAfterText
                        + " (webhooks.delivery.disable-after); deactivated at " + now + ".")
                .setParameter("now", now).setParameter("ids", failing).setParameter("cutoff", now.minus(disableAfter))
                .executeUpdate();
    }

    private void deactivate(String webhookId, String reason, Instant now) {
        em.createQuery("UPDATE Webhook w SET w.active = FALSE, w.failingSince = NULL, w.disabledReason = :reason,"
                        + " w.updatedAt = :now, w.version = w.version + 1 WHERE w.id = :id AND w.active = TRUE")
                .setParameter("reason", reason).setParameter("now", now).setParameter("id", webhookId).executeUpdate();
    }
}
