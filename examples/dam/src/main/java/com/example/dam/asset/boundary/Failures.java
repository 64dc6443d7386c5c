package com.example.dam.asset.boundary;

import com.example.dam.asset.control.UnknownAsset;
import io.damwebhooks.api.EventNotRecorded;
import jakarta.json.Json;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** How the DAM's API answers what went wrong; each answer's transaction has been rolled back. */
public final class Failures {

    private Failures() { }

    @Provider
    public static class UnknownAssetMapper implements ExceptionMapper<UnknownAsset> {
        @Override
        public Response toResponse(UnknownAsset e) {
            return problem(404, "Not Found", e.getMessage());
        }
    }

    /** Another asset has that path already: the change and the deliveries of its event were rolled back. */
    @Provider
    public static class ConflictMapper implements ExceptionMapper<PersistenceException> {
        @Override
        public Response toResponse(PersistenceException e) {
            return problem(409, "Conflict", "The change conflicts with another asset; nothing was changed or reported.");
        }
    }

    /** DAM Webhooks could not record the event (its database is down): the change was rolled back, try again. */
    @Provider
    public static class NotRecordedMapper implements ExceptionMapper<EventNotRecorded> {
        @Override
        public Response toResponse(EventNotRecorded e) {
            return Response.fromResponse(problem(503, "Service Unavailable", e.getMessage())).header("Retry-After", "5").build();
        }
    }

    private static Response problem(int status, String title, String detail) {
        String body = Json.createObjectBuilder().add("type", "about:blank").add("title", title).add("status", status)
                .add("detail", detail).build().toString();
        return Response.status(status).type("application/problem+json").entity(body).build();
    }
}
