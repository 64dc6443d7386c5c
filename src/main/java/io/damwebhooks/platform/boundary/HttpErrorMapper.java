package io.damwebhooks.platform.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every HTTP error JAX-RS or our code raises (404, 405, 403, 409, 415, …) as a problem document,
 * keeping the headers the original response carried (such as {@code Allow} or {@code Retry-After}).
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity()) return original;
        Problem problem = Problem.of(original.getStatusInfo(), detail(exception));
        Response.ResponseBuilder response = Response.fromResponse(original).type(Problem.MEDIA_TYPE).entity(problem);
        return response.build();
    }

    private static String detail(WebApplicationException exception) {
        String message = exception.getMessage();
        // JAX-RS's own messages just repeat the status ("HTTP 404 Not Found"): say nothing more then
        return message == null || message.startsWith("HTTP ") ? null : message;
    }
}
