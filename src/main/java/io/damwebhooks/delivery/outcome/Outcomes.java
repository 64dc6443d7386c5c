package io.damwebhooks.delivery.outcome;

import io.damwebhooks.delivery.entity.AttemptResult;
import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.delivery.entity.Outcome;
import io.damwebhooks.delivery.lease.AssetLanes;
import io.damwebhooks.deliverylog.control.AttemptStats;
import io.damwebhooks.deliverylog.control.DeliveryMetrics;
import io.damwebhooks.platform.control.Durations;
import io.damwebhooks.delivery.entity.DeliveryStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
        List<OutcomeRows.Change> changes = outcomes.stream().map(outcome -> change(outcome, now)).toList();
        // written now rather than at commit: a lost connection surfaces here, whole, for DatabaseRetry
        List<OutcomeRows.Change> ours = em.unwrap(Session.class).doReturningWork(c -> OutcomeRows.write(c, changes, instance, now));
        Set<String> succeeded = new HashSet<>();
        Set<String> failing = new HashSet<>();
        List<Leased> done = new ArrayList<>();
        Instant earliest = null;
        AttemptStats.Tally tally = new AttemptStats.Tally();
        for (OutcomeRows.Change change : ours) {
            AttemptResult result = change.result();
            if (result == null) continue; // given back or deferred: no attempt
            Leased leased = change.leased();
            metrics.attempt(result);
            tally.count(leased.webhookId(), result);
            (result.succeeded() ? succeeded : failing).add(leased.webhookId());
            if (change.status() == DeliveryStatus.pending) {
                metrics.outcome("retrying");
                if (earliest == null || change.nextAttemptAt().isBefore(earliest)) earliest = change.nextAttemptAt();
                continue;
            }
            metrics.outcome(change.status().name());
            done.add(leased);
            if (result.gone()) {
                deactivate(leased.webhookId(), "The receiver answered 410 Gone to " + leased.deliveryId() + " at " + now + ".", now);
            }
        }
        failing.removeAll(succeeded);
        updateFailingSince(succeeded, failing, now);
        stats.add(tally);
        lanes.releaseNext(done, now); // per-asset ordering: each finished delivery lets its asset's next one go
        return Optional.ofNullable(earliest);
    }

    /** What the outcome makes of its delivery: succeeded, failed for good (410, or no retry left), or due again. */
    private OutcomeRows.Change change(Outcome outcome, Instant now) {
        Leased leased = outcome.leased();
        if (outcome instanceof Outcome.GivenBack) return new OutcomeRows.Change(leased, DeliveryStatus.pending, null, null, null);
        if (outcome instanceof Outcome.Deferred deferred) {
            return new OutcomeRows.Change(leased, DeliveryStatus.pending, deferred.until(), null, null);
        }
        AttemptResult result = ((Outcome.Attempted) outcome).result();
        String error = result.error() == null || result.error().length() <= ERROR_LIMIT
                ? result.error() : result.error().substring(0, ERROR_LIMIT - 1) + "…";
        if (result.succeeded()) return new OutcomeRows.Change(leased, DeliveryStatus.succeeded, null, result, error);
        Optional<Instant> next = result.gone() ? Optional.empty() : policy.next(leased.attemptNumber(), now, result.retryAfter());
        return next.map(at -> new OutcomeRows.Change(leased, DeliveryStatus.pending, at, result, error))
                .orElseGet(() -> new OutcomeRows.Change(leased, DeliveryStatus.failed, null, result, error));
    }

    private void updateFailingSince(Set<String> succeeded, Set<String> failing, Instant now) {
        // every batch clears, nearly always nothing: a plain statement, not a bulk JPQL update
        if (!succeeded.isEmpty()) em.unwrap(Session.class).doWork(c -> OutcomeRows.succeeding(c, List.copyOf(succeeded)));
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
