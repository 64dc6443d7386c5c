package io.damwebhooks.webhook.boundary;

import io.damwebhooks.security.control.BuiltInUsers;
import io.damwebhooks.webhook.control.TargetRules;
import io.damwebhooks.webhook.control.Webhooks;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Webhook configuration: CRUD, the signing secret and its rotation. Admins only. */
@Path("webhooks")
@RequestScoped
@RolesAllowed(BuiltInUsers.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    @Inject
    Webhooks webhooks;

    @Inject
    @ConfigProperty(name = "webhooks.delivery.allow-http", defaultValue = "false")
    boolean allowHttp;

    @Inject
    @ConfigProperty(name = "webhooks.delivery.allow-private-networks", defaultValue = "false")
    boolean allowPrivateNetworks;

    @Context
    UriInfo uri;

    @GET
    public List<WebhookJson> list() {
        return webhooks.all().stream().map(WebhookJson::of).toList();
    }

    @POST
    public Response create(WebhookJson json) {
        WebhookValidator validator = validator();
        Webhook created = webhooks.create(webhook -> validator.apply(body(json), webhook));
        WebhookJson answer = WebhookJson.of(created);
        answer.signingSecret = created.secrets.current();
        return Response.created(uri.getAbsolutePathBuilder().path(created.id).build()).entity(answer).build();
    }

    @GET
    @Path("{id}")
    public WebhookJson get(@PathParam("id") String id) {
        return WebhookJson.of(webhooks.find(id));
    }

    @PUT
    @Path("{id}")
    public WebhookJson update(@PathParam("id") String id, WebhookJson json) {
        WebhookValidator validator = validator();
        WebhookJson body = body(json);
        return WebhookJson.of(webhooks.update(id, body.version, webhook -> validator.apply(body, webhook)));
    }

    @DELETE
    @Path("{id}")
    // a 204 has no body: a client that accepts only the problem document of a failure (as a client
    // generated from the OpenAPI document does) must not get a 406
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public void delete(@PathParam("id") String id) {
        webhooks.delete(id);
    }

    @GET
    @Path("{id}/secret")
    public Map<String, String> secret(@PathParam("id") String id) {
        return Map.of("signingSecret", webhooks.find(id).secrets.current());
    }

    @POST
    @Path("{id}/secret/rotate")
    public Map<String, String> rotate(@PathParam("id") String id) {
        return Map.of("signingSecret", webhooks.rotateSecret(id).secrets.current());
    }

    private WebhookValidator validator() {
        return new WebhookValidator(new TargetRules(allowHttp, allowPrivateNetworks));
    }

    private static WebhookJson body(WebhookJson json) {
        if (json == null) throw new io.damwebhooks.platform.control.InvalidInput("body", "a webhook document is required");
        return json;
    }
}
