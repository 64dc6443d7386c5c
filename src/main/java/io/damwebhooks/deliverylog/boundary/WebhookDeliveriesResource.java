package io.damwebhooks.deliverylog.boundary;

import io.damwebhooks.deliverylog.control.DeliveryLog;
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

/**
 * A webhook's delivery log. Its own root path, longer than {@code webhooks}, so JAX-RS routes exactly
 * {@code /webhooks/{id}/deliveries} here and everything else under {@code /webhooks} as before.
 */
@Path("webhooks/{webhookId}/deliveries")
@RequestScoped
@RolesAllowed(BuiltInUsers.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookDeliveriesResource {

    @Inject
    DeliveryLog log;

    @GET
    public DeliveryPage list(@PathParam("webhookId") String webhookId,
                             @QueryParam("status") String status,
                             @QueryParam("limit") String limit,
                             @QueryParam("cursor") String cursor) {
        LogQuery query = LogQuery.of(status, limit, cursor);
        var fetched = log.newestFirst(webhookId, query.status(), query.afterId(), query.limit() + 1);
        return DeliveryPage.of(fetched.stream().map(DeliveryJson::of).toList(), query.limit());
    }
}
