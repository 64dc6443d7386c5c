package io.damwebhooks.delivery.boundary;

import io.damwebhooks.delivery.outbox.Redelivery;
import io.damwebhooks.platform.control.InvalidInput;
import io.damwebhooks.security.control.BuiltInUsers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** After a receiver's outage: every failed delivery of a webhook since an instant, sent again. */
@Path("webhooks/{webhookId}/recover")
@RequestScoped
@RolesAllowed(BuiltInUsers.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class RecoveryResource {

    @Inject
    Redelivery redelivery;

    @POST
    public Response recover(@PathParam("webhookId") String webhookId,
                            @QueryParam("since") String since) {
        int queued = redelivery.recover(webhookId, instant(since));
        return Response.accepted(Map.of("deliveries", queued)).build();
    }

    private static Instant instant(String since) {
        if (since == null || since.isBlank()) throw new InvalidInput("since", "required: an ISO-8601 instant like 2026-11-29T10:00:00Z");
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("since", "not an ISO-8601 instant like 2026-11-29T10:00:00Z");
        }
    }
}
