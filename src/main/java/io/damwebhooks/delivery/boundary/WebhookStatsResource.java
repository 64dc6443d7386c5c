package io.damwebhooks.delivery.boundary;

import io.damwebhooks.delivery.control.StatsReport;
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
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A webhook's health at a glance: its attempts counted per time bucket, with latency percentiles. */
@Path("webhooks/{webhookId}/stats")
@RequestScoped
@RolesAllowed(BuiltInUsers.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries")
@APIResponse(responseCode = "400", description = "A bad from, to or bucket: a problem document whose errors name it")
@APIResponse(responseCode = "401", description = "No or wrong credentials")
@APIResponse(responseCode = "403", description = "Not a webhook-admin")
@APIResponse(responseCode = "404", description = "Unknown webhook")
public class WebhookStatsResource {

    @Inject
    StatsReport report;

    @GET
    @Operation(summary = "A webhook's attempts counted per time bucket",
            description = "Counts attempts by startedAt; default the last 24 hours in 1h buckets.")
    @APIResponse(responseCode = "200", description = "Every bucket from from to to, oldest first",
            content = @Content(schema = @Schema(implementation = WebhookStatsJson.class)))
    public WebhookStatsJson stats(@PathParam("webhookId") String webhookId, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("bucket") String bucket) {
        StatsQuery query = StatsQuery.of(from, to, bucket, Instant.now());
        return WebhookStatsJson.of(webhookId, query, report.buckets(webhookId, query.from(), query.to(), query.size()));
    }
}
