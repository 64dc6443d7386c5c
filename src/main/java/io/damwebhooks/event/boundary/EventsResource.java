package io.damwebhooks.event.boundary;

import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.event.control.Accepted;
import io.damwebhooks.event.control.GroupCommit;
import io.damwebhooks.security.control.BuiltInUsers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Events from a DAM that runs elsewhere: the same path as an event fired in-process, in a transaction
 * of its own. Publishers post here; admins may too (the contract lets them call everything).
 * Application-scoped, the request's headers a parameter: nothing is created or configured per event.
 */
@Path("events")
@ApplicationScoped
@RolesAllowed({BuiltInUsers.PUBLISHER, BuiltInUsers.ADMIN})
public class EventsResource {

    @Inject
    GroupCommit intake;

    @Inject
    @ConfigProperty(name = "webhooks.events.max-size", defaultValue = "1048576")
    int maxSize;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response accept(InputStream body, @Context HttpHeaders headers) {
        AssetEvent event = EventDocument.parse(read(body, headers));
        return Response.accepted(intake.accept(event)).type(MediaType.APPLICATION_JSON).build();
    }

    private byte[] read(InputStream body, HttpHeaders headers) {
        try {
            return BoundedBody.read(body, headers.getLength(), maxSize);
        } catch (BoundedBody.TooLarge e) {
            throw new ClientErrorException("An event may have at most " + maxSize + " bytes (webhooks.events.max-size).",
                    Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
    }

    static final String EXAMPLE = """
            {"id": "dam-42-7", "type": "asset.metadata_changed", "occurredAt": "2026-11-29T10:00:00Z",
             "asset": {"uuid": "5f0c…", "name": "beach.jpg", "size": 48211, "path": "/summer/beach.jpg",
                       "mimeType": "image/jpeg", "width": 1920, "height": 1080,
                       "meta": {"custom": {"status": "approved"}}},
             "changes": {"meta": {"status": {"old": "draft", "new": "approved"}}}}""";
}
