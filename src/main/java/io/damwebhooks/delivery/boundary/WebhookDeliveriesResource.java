package io.damwebhooks.delivery.boundary;

import io.damwebhooks.delivery.control.DeliveryLog;
import io.damwebhooks.security.control.BuiltInUsers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A webhook's delivery log. Its own root path, longer than {@code webhooks}, so JAX-RS routes exactly
 * {@code /webhooks/{id}/deliveries} here and everything else under {@code /webhooks} as before.
 */
@Path("webhooks/{webhookId}/deliveries")
@RequestScoped
@RolesAllowed(BuiltInUsers.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries")
@APIResponse(responseCode = "400", description = "A bad status, limit or cursor: a problem document whose errors name it")
@APIResponse(responseCode = "401", description = "No or wrong credentials")
@APIResponse(responseCode = "403", description = "Not a webhook-admin")
@APIResponse(responseCode = "404", description = "Unknown webhook")
public class WebhookDeliveriesResource {

    @Inject
    DeliveryLog log;

    @GET
    @Operation(summary = "A webhook's deliveries, newest first, one page at a time",
            description = "Items carry no attempts and no body: GET /deliveries/{id} has both.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    public DeliveryPage list(@PathParam("webhookId") String webhookId,
                             @Parameter(description = "Only deliveries in this state",
                                     schema = @Schema(type = SchemaType.STRING, enumeration = {"pending", "succeeded", "failed"}))
                             @QueryParam("status") String status,
                             @Parameter(description = "Page size, 1 to 250", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
                             @QueryParam("limit") String limit,
                             @Parameter(description = "The next of the previous page") @QueryParam("cursor") String cursor) {
        LogQuery query = LogQuery.of(status, limit, cursor);
        var fetched = log.newestFirst(webhookId, query.status(), query.afterId(), query.limit() + 1);
        return DeliveryPage.of(fetched.stream().map(DeliveryJson::of).toList(), query.limit());
    }
}
