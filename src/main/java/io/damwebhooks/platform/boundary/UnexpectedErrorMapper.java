package io.damwebhooks.platform.boundary;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort. An unreachable database is a 503 with {@code Retry-After}; a concurrent update
 * lost to another is a 409; anything else is a 500 whose
 * document carries an incident id and no stack trace: the stack trace goes to the log under that id.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        if (DatabaseDown.in(exception)) {
            LOG.warning(() -> "the database cannot be reached: " + exception.getClass().getSimpleName());
            Response problem = Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                    "The database cannot be reached; nothing was recorded. Try again later.").toResponse();
            return Response.fromResponse(problem).header("Retry-After", DatabaseDown.RETRY_AFTER_SECONDS).build();
        }
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return Problem.of(Response.Status.CONFLICT, "Somebody else changed it meanwhile: read it again.").toResponse();
            }
            // Parsson refuses input nested deeper than it allows with a bare RuntimeException
            boolean tooDeep = t.getMessage() != null && t.getMessage().contains("too deeply nested");
            if (tooDeep || t instanceof jakarta.json.bind.JsonbException || t instanceof jakarta.json.JsonException) {
                return new UnreadableBodyMapper().toResponse(new jakarta.ws.rs.ProcessingException(t));
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "Unexpected error; incident " + incident).toResponse();
    }
}
