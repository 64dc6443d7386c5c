package io.damwebhooks.platform.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Response headers a security review expects: {@code X-Content-Type-Options: nosniff} on every answer
 * (a browser never guesses a type other than the one declared); the console's page and files may not be
 * framed by any other page ({@code Content-Security-Policy: frame-ancestors 'none'}, and
 * {@code X-Frame-Options: DENY} for older browsers), so no page can overlay it to trick a click; and no
 * API answer is kept by a browser or a proxy ({@code Cache-Control: no-store}): some carry signing secrets.
 * Embedded in a DAM, the frame headers stay on the console's paths and leave the DAM's pages alone.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || path.equals("/") || path.equals("/index.html") || path.startsWith("/console/")) {
            response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
            response.setHeader("X-Frame-Options", "DENY");
        }
        if (path.equals("/api") || path.startsWith("/api/")) response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
