package io.damwebhooks.deliverylog.boundary;

import io.damwebhooks.deliverylog.control.DeliveryLog;
import io.damwebhooks.deliverylog.control.DeliverySearch;
import io.damwebhooks.delivery.outbox.Redelivery;
import io.damwebhooks.delivery.entity.Delivery;
import io.damwebhooks.security.control.BuiltInUsers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The log of all webhooks searched; one delivery of it, with its attempts and body; and sending it again. Admins only. */
@Path("deliveries")
@RequestScoped
@RolesAllowed(BuiltInUsers.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

    @Inject
    DeliveryLog log;

    @Inject
    Redelivery redelivery;

    @Inject
    DeliverySearch search;

    /** Every parameter optional, read as text: a bad one is a 400 naming it (see {@link SearchQuery}), not JAX-RS's 404. */
    @GET
    public DeliveryPage search(@QueryParam("assetUuid") String assetUuid, @QueryParam("eventId") String eventId,
                               @QueryParam("eventType") String eventType, @QueryParam("status") String status,
                               @QueryParam("webhookId") String webhookId, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("limit") String limit,
                               @QueryParam("cursor") String cursor) {
        SearchQuery query = SearchQuery.of(assetUuid, eventId, eventType, status, webhookId, from, to, limit, cursor);
        var fetched = search.newestFirst(query.criteria(), query.afterId(), query.limit() + 1);
        return DeliveryPage.of(fetched.stream().map(DeliveryJson::of).toList(), query.limit());
    }

    @GET
    @Path("{id}")
    public DeliveryJson get(@PathParam("id") String id) {
        Delivery delivery = log.find(id);
        return DeliveryJson.of(delivery, log.attempts(delivery.id));
    }

    @POST
    @Path("{id}/redeliver")
    public Response redeliver(@PathParam("id") String id) {
        redelivery.redeliver(id);
        return Response.accepted(get(id)).build();
    }
}
