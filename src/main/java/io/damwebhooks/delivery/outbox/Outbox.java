package io.damwebhooks.delivery.outbox;

import io.damwebhooks.delivery.dispatch.Dispatcher;
import io.damwebhooks.delivery.dispatch.HandOver;
import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.delivery.entity.DeliveriesRecorded;
import io.damwebhooks.delivery.entity.Receiver;
import io.damwebhooks.delivery.entity.Delivery;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Records deliveries in the caller's transaction (or a new one when there is none): the rows become
 * durable exactly when that transaction commits. No broker.
 * <p>
 * Fresh deliveries are <em>handed over</em>: those the dispatcher has room for are written already
 * leased to this instance, and go to it in memory once the transaction has committed
 * ({@link DeliveriesRecorded}) — a fresh delivery costs no claim, and its body is never read back. A
 * lease written here is like one a claim writes: if this process dies before the attempt is recorded,
 * the lease runs out (or the next start releases it, {@code LeaseRecovery}) and a claim takes the row.
 * The rest, and every delivery of a per-asset or rate-limited webhook (their rules live in the claim),
 * are claimed from the table by the dispatcher.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    @Inject
    Event<DeliveriesRecorded> recorded;

    @Inject
    Dispatcher dispatcher;

    /** Records these deliveries, each for one of {@code webhooks}. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(List<Delivery> deliveries, Collection<Webhook> webhooks) {
        if (deliveries.isEmpty()) return;
        Instant now = Instant.now();
        HandOver handOver = dispatcher.handOver();
        List<Leased> handed = new ArrayList<>();
        try {
            int leftBehind = handOver(handOver, deliveries, webhooks, now, handed);
            em.unwrap(Session.class).doWork(connection -> OutboxRows.insert(connection, deliveries));
            recorded.fire(new DeliveriesRecorded(deliveries.size(), handed, leftBehind, now.plus(handOver.lease())));
        } catch (RuntimeException e) {
            handOver.cancel(handed); // no event, so no observer gives their room back
            throw e;
        }
    }

    /**
     * Leases to this instance those deliveries the dispatcher takes now, adding them to {@code handed} as
     * claimed (each as its room is reserved, so a failure gives back exactly what it holds); answers how
     * many could have been handed over but found no room.
     */
    private static int handOver(HandOver handOver, List<Delivery> deliveries, Collection<Webhook> webhooks, Instant now,
                                List<Leased> handed) {
        Map<String, List<Delivery>> perWebhook = new LinkedHashMap<>();
        deliveries.forEach(d -> perWebhook.computeIfAbsent(d.webhookId, id -> new ArrayList<>()).add(d));
        Instant until = now.plus(handOver.lease()).truncatedTo(ChronoUnit.MILLIS);
        int leftBehind = 0;
        for (Webhook webhook : webhooks) {
            List<Delivery> fresh = perWebhook.get(webhook.id);
            if (fresh == null || !webhook.active || webhook.orderedPerAsset() || webhook.ratePerSecond != null) continue;
            Receiver receiver = Receiver.of(webhook, now); // before the room is taken: nothing after it can fail
            int taken = handOver.reserve(webhook.id, fresh.size(), now);
            leftBehind += fresh.size() - taken;
            for (Delivery delivery : fresh.subList(0, taken)) {
                delivery.leaseUntil = until;
                delivery.leasedBy = handOver.instance();
                handed.add(new Leased(delivery.id, 1, delivery.payload, receiver, delivery.assetUuid, until));
            }
        }
        return leftBehind;
    }
}
