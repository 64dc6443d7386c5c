package io.damwebhooks.platform.boundary;

import io.damwebhooks.platform.control.InvalidInput;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInput> {

    @Override
    public Response toResponse(InvalidInput invalid) {
        Problem problem = Problem.of(Response.Status.BAD_REQUEST, "The request has invalid fields.");
        problem.errors = invalid.errors();
        return problem.toResponse();
    }
}
