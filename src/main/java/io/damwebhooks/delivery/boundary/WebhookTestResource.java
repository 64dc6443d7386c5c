package io.damwebhooks.delivery.boundary;

import io.damwebhooks.delivery.outbox.TestEvents;
import io.damwebhooks.delivery.entity.Delivery;
import io.damwebhooks.security.control.BuiltInUsers;
import io.damwebhooks.webhook.control.Webhooks;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** {@code POST /webhooks/{id}/test}: a signed {@code webhook.test} message to the webhook, now. */
@Path("webhooks/{id}/test")
@RequestScoped
@RolesAllowed(BuiltInUsers.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookTestResource {

    @Inject
    Webhooks webhooks;

    @Inject
    TestEvents testEvents;

    @POST
    @Transactional
    public Response test(@PathParam("id") String id) {
        Webhook webhook = webhooks.find(id);
        if (!webhook.active) {
            throw new ClientErrorException("Webhook " + id + " is inactive: activate it to send a test.", Response.Status.CONFLICT);
        }
        Delivery delivery = testEvents.send(webhook);
        return Response.accepted(Map.of("eventId", delivery.eventId, "deliveryId", delivery.id)).build();
    }
}
