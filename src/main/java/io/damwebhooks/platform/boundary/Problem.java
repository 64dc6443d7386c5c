package io.damwebhooks.platform.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import io.damwebhooks.platform.control.FieldError;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document: every error the API answers is one. {@code errors} names the fields
 * of invalid input.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    public String type = "about:blank";
    public String title;
    public int status;
    public String detail;
    public List<FieldError> errors;


    public static Problem of(Response.StatusType status, String detail) {
        Problem problem = new Problem();
        problem.status = status.getStatusCode();
        problem.title = status.getReasonPhrase();
        problem.detail = detail;
        return problem;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
