package io.damwebhooks.platform.boundary;

import io.damwebhooks.delivery.boundary.DeliveriesResource;
import io.damwebhooks.delivery.boundary.RecoveryResource;
import io.damwebhooks.delivery.boundary.WebhookDeliveriesResource;
import io.damwebhooks.delivery.boundary.WebhookStatsResource;
import io.damwebhooks.delivery.boundary.WebhookTestResource;
import io.damwebhooks.event.boundary.EventTypesResource;
import io.damwebhooks.event.boundary.EventsResource;
import io.damwebhooks.security.boundary.RoleCheck;
import io.damwebhooks.security.control.BuiltInUsers;
import io.damwebhooks.webhook.boundary.TargetPolicyResource;
import io.damwebhooks.webhook.boundary.WebhooksResource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The REST API under {@code /dam-webhooks/api}. Its resources and providers are listed rather than
 * scanned: embedded in a DAM's WAR (the README's "Embedding in your DAM"), a scanned application would
 * also serve the DAM's own resources under {@code /api}, and our exception mappers would answer for
 * them. {@code WebhooksApplicationTest} fails when a {@code @Path} or {@code @Provider} class is
 * missing here.
 */
@ApplicationPath("api")
@DeclareRoles({BuiltInUsers.ADMIN, BuiltInUsers.PUBLISHER})
public class WebhooksApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(WebhooksResource.class, TargetPolicyResource.class, WebhookTestResource.class, WebhookDeliveriesResource.class,
                RecoveryResource.class, DeliveriesResource.class, EventsResource.class, EventTypesResource.class,
                WebhookStatsResource.class,
                BodyLimit.class, StrictJson.class, HttpErrorMapper.class, InvalidInputMapper.class,
                UnreadableBodyMapper.class, UnexpectedErrorMapper.class, RoleCheck.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        // an error status set by a mapper or a filter stays ours: no server HTML page replaces the problem document
        return Map.of("jersey.config.servlet.response.setStatusOverSendError", true);
    }
}
