package io.damwebhooks.it.log;

import io.damwebhooks.delivery.entity.AttemptResult;
import io.damwebhooks.deliverylog.control.AttemptStats;
import io.damwebhooks.delivery.entity.Attempt;
import io.damwebhooks.delivery.entity.Delivery;
import io.damwebhooks.delivery.entity.DeliveryStatus;
import io.damwebhooks.event.entity.AcceptedEvent;
import io.damwebhooks.platform.entity.Ids;
import io.damwebhooks.security.control.BuiltInUsers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test only, deployed by {@link DeliveryLogIT} beside the real WAR: writes delivery, attempt and event
 * rows as the engine and the intake would, so the log can be tested without either of them.
 */
@Path("")
@RequestScoped
@RolesAllowed(BuiltInUsers.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
public class SeedResource {

    private static String lastId = "";

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    @Inject
    AttemptStats stats;

    public static class DeliverySeed {
        public String webhookId;
        /** Instead of webhookId: {@code count} deliveries, one webhook after the other. */
        public List<String> webhookIds;
        public int count = 1;
        public String assetUuid = "asset-seeded";
        public String eventId;
        public String eventType = "asset.uploaded";
        public String status;
        public Instant createdAt;
        public Instant nextAttemptAt;
        public Instant leaseUntil;
        public List<Integer> attempts = List.of();
    }

    public static class EventSeed {
        public String id;
        public Instant receivedAt;
    }

    /** Attempts as the engine would count them for the statistics; no delivery rows. */
    public static class AttemptSeed {
        public Instant startedAt;
        public long durationMs;
        public Integer statusCode;
    }

    @POST
    @Path("attempts/{webhookId}")
    public void attempts(@PathParam("webhookId") String webhookId, List<AttemptSeed> attempts) {
        AttemptStats.Tally tally = new AttemptStats.Tally();
        for (AttemptSeed a : attempts) {
            tally.count(webhookId, new AttemptResult(a.startedAt, a.durationMs, a.statusCode,
                    a.statusCode == null ? "timed out" : null, null, Optional.empty()));
        }
        stats.add(tally);
    }

    @POST
    @Path("deliveries")
    public Map<String, Object> delivery(DeliverySeed seed) {
        if (seed.webhookIds == null) return Map.of("id", one(seed, seed.webhookId));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < seed.count; i++) {
            ids.add(one(seed, seed.webhookIds.get(i % seed.webhookIds.size())));
            if (i % 500 == 499) { // a bounded persistence context: written, then forgotten
                em.flush();
                em.clear();
            }
        }
        return Map.of("ids", ids);
    }

    private String one(DeliverySeed seed, String webhookId) {
        String eventId = seed.eventId != null ? seed.eventId : Ids.next("evt");
        // a body as the service would build it: a seeded delivery that is sent must validate like any other
        String body = "{\"type\":\"" + seed.eventType + "\",\"timestamp\":\"" + seed.createdAt + "\",\"data\":{\"eventId\":\""
                + eventId + "\",\"webhook\":{\"id\":\"" + webhookId + "\",\"name\":\"seeded\"},"
                + "\"asset\":{\"uuid\":\"" + seed.assetUuid + "\",\"name\":\"beach.jpg\"}}}";
        Delivery delivery = Delivery.pending(webhookId, eventId, seed.eventType, seed.assetUuid, body, seed.createdAt);
        delivery.id = laterId();
        delivery.status = DeliveryStatus.valueOf(seed.status);
        delivery.nextAttemptAt = seed.nextAttemptAt;
        delivery.attemptCount = seed.attempts.size();
        delivery.leaseUntil = seed.leaseUntil;
        delivery.leasedBy = seed.leaseUntil == null ? null : "another-instance";
        em.persist(delivery);
        em.flush(); // the search row's foreign key needs the delivery written
        // its search columns (V10), as the outbox writes them
        em.createNativeQuery("INSERT INTO delivery_search (id, webhook_id, event_id, event_type, asset_uuid, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, delivery.id).setParameter(2, webhookId).setParameter(3, eventId)
                .setParameter(4, seed.eventType).setParameter(5, seed.assetUuid).setParameter(6, seed.createdAt)
                .executeUpdate();
        for (int i = 0; i < seed.attempts.size(); i++) {
            Attempt attempt = new Attempt();
            attempt.deliveryId = delivery.id;
            attempt.number = i + 1;
            attempt.startedAt = seed.createdAt.plusSeconds(i);
            attempt.durationMs = 31 + i;
            Integer code = seed.attempts.get(i);
            // 0 stands for "no answer": a network error instead of a status
            attempt.statusCode = code == 0 ? null : code;
            attempt.error = code == 0 ? "timeout after 15s" : null;
            attempt.responseBody = code == 0 ? null : "answer " + code;
            delivery.lastStatusCode = attempt.statusCode;
            em.persist(attempt);
        }
        return delivery.id;
    }

    @POST
    @Path("events")
    public void event(EventSeed seed) {
        AcceptedEvent event = new AcceptedEvent();
        event.id = seed.id;
        event.type = "asset.uploaded";
        event.receivedAt = seed.receivedAt;
        em.persist(event);
    }

    @GET
    @Path("events/{id}")
    public Map<String, String> event(@PathParam("id") String id) {
        if (em.find(AcceptedEvent.class, id) == null) throw new NotFoundException("No event " + id);
        return Map.of("id", id);
    }

    /** Ids sort by millisecond, then randomly: wait for a later one, so that seeding order is log order. */
    private static synchronized String laterId() {
        String id;
        do {
            id = Ids.next("msg");
        } while (id.compareTo(lastId) <= 0);
        lastId = id;
        return id;
    }
}
