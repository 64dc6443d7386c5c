package io.damwebhooks.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic for the API, checked against every identity store of the application (the built-in
 * users, and any store a deployer adds). Unlike the server's own Basic mechanism it answers a
 * missing or wrong credential with a problem document instead of the server's HTML error page.
 * Pages outside {@code /api} (the console's static files) need no credentials: the API calls they
 * make do.
 */
@ApplicationScoped
public class BasicAuthentication implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return isApi(request) ? unauthorized(request, response, "Credentials are required (HTTP Basic).") : context.doNothing();
        }
        UsernamePasswordCredential credential = decode(header.substring(6).trim());
        if (credential == null) {
            return unauthorized(request, response, "The Authorization header is not valid HTTP Basic.");
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return unauthorized(request, response, "Unknown user or wrong password.");
        }
        return context.notifyContainerAboutLogin(result);
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api");
    }

    private static UsernamePasswordCredential decode(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /**
     * A script that asks with {@code X-Requested-With: XMLHttpRequest} (the admin console) gets no
     * {@code WWW-Authenticate} challenge: a browser would answer that with its own login prompt over
     * the page's login form. Every other client gets the standard challenge.
     */
    private static boolean challenges(HttpServletRequest request) {
        return !"XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"));
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     String detail) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            if (challenges(request)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"dam-webhooks\", charset=\"UTF-8\"");
            }
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                    + detail + "\"}");
            // closed, not only flushed: WildFly sends its error page over an answer that is not complete
            response.getWriter().close();
        } catch (IOException clientGone) {
            // nothing more to tell a client that left
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
