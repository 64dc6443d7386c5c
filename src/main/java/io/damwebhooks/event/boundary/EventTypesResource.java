package io.damwebhooks.event.boundary;

import io.damwebhooks.event.control.EventTypes;
import io.damwebhooks.security.control.BuiltInUsers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/event-types}: every event type a receiver may get, with the JSON Schema of its body. */
@Path("event-types")
@RequestScoped
@RolesAllowed(BuiltInUsers.ADMIN)
public class EventTypesResource {

    @Inject
    EventTypes eventTypes;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray list() {
        return eventTypes.catalog();
    }
}
