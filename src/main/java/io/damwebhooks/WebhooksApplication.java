package io.damwebhooks;

import io.damwebhooks.delivery.boundary.DeliveryApi;
import io.damwebhooks.deliverylog.boundary.DeliveryLogApi;
import io.damwebhooks.event.boundary.EventApi;
import io.damwebhooks.platform.boundary.PlatformProviders;
import io.damwebhooks.security.boundary.RoleCheck;
import io.damwebhooks.security.control.BuiltInUsers;
import io.damwebhooks.webhook.boundary.WebhookApi;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The composition root: the REST API under {@code /dam-webhooks/api}, made of each feature's resources.
 * Listed rather than scanned: embedded in a DAM's WAR (docs/embedding.md), a scanned application would
 * also serve the DAM's own resources under {@code /api}, and our exception mappers would answer for them.
 * {@code WebhooksApplicationTest} fails when a {@code @Path} or {@code @Provider} class is missing here.
 */
@ApplicationPath("api")
@DeclareRoles({BuiltInUsers.ADMIN, BuiltInUsers.PUBLISHER})
public class WebhooksApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>();
        Stream.of(WebhookApi.CLASSES, EventApi.CLASSES, DeliveryApi.CLASSES, DeliveryLogApi.CLASSES,
                PlatformProviders.CLASSES, Set.of(RoleCheck.class)).forEach(classes::addAll);
        return classes;
    }

    @Override
    public Map<String, Object> getProperties() {
        // an error status set by a mapper or a filter stays ours: no server HTML page replaces the problem document
        return Map.of("jersey.config.servlet.response.setStatusOverSendError", true);
    }
}
