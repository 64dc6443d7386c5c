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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * HTTP Basic for the API, checked against every identity store of the application (the built-in
 * users, and any store a deployer adds). Unlike the server's own Basic mechanism it answers a
 * missing or wrong credential with a problem document instead of the server's HTML error page.
 * Pages outside {@code /api} (the console's static files) need no credentials: the API calls they
 * make do. Before anything else, a state-changing request from another site's page is refused
 * ({@link CrossSiteRequests}), for every path of the application; and a login that must wait after too
 * many failures ({@link LoginThrottle}) gets 429 with {@code Retry-After}, its password not checked.
 */
@ApplicationScoped
public class BasicAuthentication implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    CrossSiteGuard crossSite;

    @Inject
    LoginThrottle logins;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String refusal = crossSite.refusal(request);
        if (refusal != null) {
            ProblemAnswer.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", refusal, Map.of());
            return AuthenticationStatus.SEND_FAILURE;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return isApi(request) ? unauthorized(request, response, "Credentials are required (HTTP Basic).") : context.doNothing();
        }
        UsernamePasswordCredential credential = decode(header.substring(6).trim());
        if (credential == null) {
            return unauthorized(request, response, "The Authorization header is not valid HTTP Basic.");
        }
        String address = request.getRemoteAddr();
        Duration wait = logins.waitFor(credential.getCaller(), address);
        if (!wait.isZero()) {
            String seconds = Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
            ProblemAnswer.write(response, 429, "Too Many Requests",
                    "Too many failed logins: try again in " + seconds + " s.", Map.of("Retry-After", seconds));
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            logins.failed(credential.getCaller(), address);
            return unauthorized(request, response, "Unknown user or wrong password.");
        }
        logins.succeeded(credential.getCaller(), address);
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
     * Only a tool asking the API gets a {@code WWW-Authenticate} challenge. A browser answers one with
     * its own prompt and then keeps the credentials for the whole origin, sending them with requests
     * that other sites' pages make: so no challenge to a browser (it sends {@code Sec-Fetch-Dest}), to
     * the console's script ({@code X-Requested-With: XMLHttpRequest}, it has its own login form), or
     * outside {@code /api}.
     */
    private static boolean challenges(HttpServletRequest request) {
        return isApi(request) && request.getHeader("Sec-Fetch-Dest") == null
                && !"XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"));
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     String detail) {
        Map<String, String> headers = challenges(request)
                ? Map.of("WWW-Authenticate", "Basic realm=\"dam-webhooks\", charset=\"UTF-8\"") : Map.of();
        ProblemAnswer.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail, headers);
        return AuthenticationStatus.SEND_FAILURE;
    }
}
