package io.damwebhooks.platform.boundary;

import jakarta.ws.rs.ProcessingException;
import io.damwebhooks.platform.control.FieldError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A body that JSON-B cannot read: malformed JSON, a value of the wrong JSON type, an unknown
 * property. 400, naming the property by its path when the parser tells which, and never echoing the parser's
 * message, which names our classes.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    private static final Pattern PROPERTY = Pattern.compile("(?:property|Property) '?([A-Za-z0-9_]+)'?");

    @Override
    public Response toResponse(ProcessingException exception) {
        Problem problem = Problem.of(Response.Status.BAD_REQUEST, "The body is not a valid JSON document of the expected shape.");
        String property = property(exception);
        if (property != null) {
            problem.errors = List.of(new FieldError(property, "missing, of the wrong type, or not a known property"));
        }
        return problem.toResponse();
    }

    /**
     * The property's whole path ({@code auth.type}, {@code triggers.event}): the outermost message that
     * names a property carries its causes' messages, each naming the property one level down.
     */
    static String property(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher matcher = PROPERTY.matcher(t.getMessage());
                StringJoiner path = new StringJoiner(".");
                while (matcher.find()) path.add(matcher.group(1));
                if (path.length() > 0) return path.toString();
            }
        }
        return null;
    }
}
