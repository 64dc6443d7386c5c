package io.damwebhooks.platform.boundary;

import io.damwebhooks.security.control.BuiltInUsers;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API under {@code /dam-webhooks/api}. */
@ApplicationPath("api")
@DeclareRoles({BuiltInUsers.ADMIN, BuiltInUsers.PUBLISHER})
@OpenAPIDefinition(
        info = @Info(title = "DAM Webhooks", version = "1",
                description = "Calls third-party web services when assets change in a Digital Asset Management system."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class WebhooksApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // an error status set by a mapper or a filter stays ours: no server HTML page replaces the problem document
        return Map.of("jersey.config.servlet.response.setStatusOverSendError", true);
    }
}
