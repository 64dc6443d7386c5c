package io.damwebhooks.it.servers.neighbour;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * An application's own Jakarta Security mechanism that leaves authorisation to the server: it trusts a
 * header set by a single-sign-on proxy and names the caller without groups, so the roles must come from
 * WildFly's realm. That is exactly what {@code integrated-jaspi=false} on a domain turns off (the caller
 * becomes an ad-hoc identity without roles), so this application notices if our set-up changes {@code other}.
 */
@ApplicationScoped
public class TrustedHeader implements HttpAuthenticationMechanism {

    static final String HEADER = "X-Remote-User";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String user = request.getHeader(HEADER);
        if (user == null) return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
        return context.notifyContainerAboutLogin(user, Set.of());
    }
}
