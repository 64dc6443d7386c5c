package io.damwebhooks.deliverylog.boundary;

import io.damwebhooks.deliverylog.control.StatsReport;
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

/** A webhook's health at a glance: its attempts counted per time bucket, with latency percentiles. */
@Path("webhooks/{webhookId}/stats")
@RequestScoped
@RolesAllowed(BuiltInUsers.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookStatsResource {

    @Inject
    StatsReport report;

    @GET
    public WebhookStatsJson stats(@PathParam("webhookId") String webhookId, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("bucket") String bucket) {
        StatsQuery query = StatsQuery.of(from, to, bucket, Instant.now());
        return WebhookStatsJson.of(webhookId, query, report.buckets(webhookId, query.from(), query.to(), query.size()));
    }
}
