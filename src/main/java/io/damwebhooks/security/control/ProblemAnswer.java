package io.damwebhooks.security.control;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

/**
 * A problem document (RFC 9457) written by the authentication mechanism itself, which answers before
 * JAX-RS and its exception mappers see the request.
 */
final class ProblemAnswer {

    private ProblemAnswer() { }

    static void write(HttpServletResponse response, int status, String title, String detail, Map<String, String> headers) {
        try {
            response.setStatus(status);
            headers.forEach(response::setHeader);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getWriter();
            writer.write(Json.createObjectBuilder().add("type", "about:blank").add("title", title).add("status", status)
                    .add("detail", detail).build().toString());
            // closed, not only flushed: WildFly sends its error page over an answer that is not complete
            writer.close();
        } catch (IOException clientGone) {
            // nothing more to tell a client that left
        }
    }
}
