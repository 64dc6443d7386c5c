package io.damwebhooks.delivery.boundary;

import io.damwebhooks.delivery.control.DeliveryLog;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One delivery of the log, with its attempts and body; and sending it again. Admins only. */
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
