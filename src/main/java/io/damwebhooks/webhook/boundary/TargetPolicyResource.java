package io.damwebhooks.webhook.boundary;

import io.damwebhooks.security.control.BuiltInUsers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Which webhook targets this server accepts, so that a form offers only those (the console leaves out
 * {@code http://} where the server refuses it) instead of letting the admin find out from a 400.
 */
@Path("target-policy")
@RequestScoped
@RolesAllowed(BuiltInUsers.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@APIResponse(responseCode = "401", description = "No or wrong credentials")
@APIResponse(responseCode = "403", description = "Not a webhook-admin")
public class TargetPolicyResource {

    @Inject
    @ConfigProperty(name = "webhooks.delivery.allow-http", defaultValue = "false")
    boolean allowHttp;

    @Inject
    @ConfigProperty(name = "webhooks.delivery.allow-private-networks", defaultValue = "false")
    boolean allowPrivateNetworks;

    @GET
    @Operation(summary = "The targets this server accepts",
            description = "allowHttp: http:// URLs are accepted (webhooks.delivery.allow-http); allowPrivateNetworks: "
                    + "loopback, private and link-local addresses are (webhooks.delivery.allow-private-networks).")
    @APIResponse(responseCode = "200", description = "{\"allowHttp\": false, \"allowPrivateNetworks\": false}")
    public Map<String, Boolean> policy() {
        return Map.of("allowHttp", allowHttp, "allowPrivateNetworks", allowPrivateNetworks);
    }
}
