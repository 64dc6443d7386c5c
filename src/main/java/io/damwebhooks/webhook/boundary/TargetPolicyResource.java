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

/**
 * Which webhook targets this server accepts, so that a form offers only those (the console leaves out
 * {@code http://} where the server refuses it) instead of letting the admin find out from a 400.
 */
@Path("target-policy")
@RequestScoped
@RolesAllowed(BuiltInUsers.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class TargetPolicyResource {

    @Inject
    @ConfigProperty(name = "webhooks.delivery.allow-http", defaultValue = "false")
    boolean allowHttp;

    @Inject
    @ConfigProperty(name = "webhooks.delivery.allow-private-networks", defaultValue = "false")
    boolean allowPrivateNetworks;

    @GET
    public Map<String, Boolean> policy() {
        return Map.of("allowHttp", allowHttp, "allowPrivateNetworks", allowPrivateNetworks);
    }
}
