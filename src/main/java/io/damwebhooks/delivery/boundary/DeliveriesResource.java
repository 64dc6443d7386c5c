package io.damwebhooks.delivery.boundary;

import io.damwebhooks.delivery.control.DeliveryLog;
import io.damwebhooks.delivery.control.DeliverySearch;
import io.damwebhooks.delivery.control.Redelivery;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The log of all webhooks searched; one delivery of it, with its attempts and body; and sending it again. Admins only. */
@Path("deliveries")
@RequestScoped
@RolesAllowed(BuiltInUsers.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries")
@APIResponse(responseCode = "401", description = "No or wrong credentials")
@APIResponse(responseCode = "403", description = "Not a webhook-admin")
@APIResponse(responseCode = "404", description = "Unknown delivery")
public class DeliveriesResource {

    @Inject
    DeliveryLog log;

    @Inject
    Redelivery redelivery;

    @Inject
    DeliverySearch search;

    /** Every parameter optional, read as text: a bad one is a 400 naming it (see {@link SearchQuery}), not JAX-RS's 404. */
    @GET
    @Operation(summary = "Search the deliveries of all webhooks, newest first, one page at a time",
            description = "Every parameter is optional; those given must all match. Items carry no attempts and no body.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter: a problem document whose errors name it")
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
    @Operation(summary = "One delivery with its attempts and the exact body sent")
    @APIResponse(responseCode = "200", description = "The delivery", content = @Content(schema = @Schema(implementation = DeliveryJson.class)))
    public DeliveryJson get(@PathParam("id") String id) {
        Delivery delivery = log.find(id);
        return DeliveryJson.of(delivery, log.attempts(delivery.id));
    }

    @POST
    @Path("{id}/redeliver")
    @Operation(summary = "Send the same message again",
            description = "Same id, so the receiver sees the same webhook-id. A succeeded or failed delivery becomes "
                    + "pending and due now, keeping its attempts (new ones continue the numbering); a pending one "
                    + "becomes due now, unless an attempt is under way at this moment. Answers the delivery as it now stands.")
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(schema = @Schema(implementation = DeliveryJson.class)))
    public Response redeliver(@PathParam("id") String id) {
        redelivery.redeliver(id);
        return Response.accepted(get(id)).build();
    }
}
