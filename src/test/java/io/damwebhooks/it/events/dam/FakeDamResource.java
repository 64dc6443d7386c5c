package io.damwebhooks.it.events.dam;

import io.damwebhooks.delivery.entity.Delivery;
import io.damwebhooks.event.entity.AcceptedEvent;
import io.damwebhooks.security.control.BuiltInUsers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test only: lets the IT drive {@link FakeDam} and look into the outbox with JPA, inside the server. */
@Path("")
@RequestScoped
@RolesAllowed(BuiltInUsers.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class FakeDamResource {

    @Inject
    FakeDam dam;

    @Inject
    AfterCommit afterCommit;

    @PersistenceContext(unitName = "webhooks")
    EntityManager em;

    /** The DAM changes an asset; answers how many deliveries were announced after commit meanwhile. */
    @POST
    @Path("change")
    public Map<String, Object> change(@QueryParam("key") String key, @QueryParam("outcome") FakeDam.Outcome outcome)
            throws Exception {
        int before = afterCommit.announced();
        dam.change(key, outcome);
        return Map.of("announced", afterCommit.announced() - before);
    }

    /** The deliveries recorded for an event, oldest first, and whether the event itself was kept. */
    @GET
    @Path("outbox")
    public Map<String, Object> outbox(@QueryParam("eventId") String eventId) {
        List<Map<String, Object>> deliveries = em.createQuery(
                        "SELECT d FROM Delivery d WHERE d.eventId = :id ORDER BY d.id", Delivery.class)
                .setParameter("id", eventId).getResultList().stream().map(FakeDamResource::json).toList();
        AcceptedEvent event = em.find(AcceptedEvent.class, eventId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("deliveries", deliveries);
        answer.put("accepted", event != null);
        answer.put("recordedCount", event == null ? -1 : event.deliveries);
        return answer;
    }

    private static Map<String, Object> json(Delivery delivery) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", delivery.id);
        json.put("webhookId", delivery.webhookId);
        json.put("eventType", delivery.eventType);
        json.put("status", delivery.status.name());
        json.put("payload", delivery.payload);
        return json;
    }
}
