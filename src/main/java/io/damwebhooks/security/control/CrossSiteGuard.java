package io.damwebhooks.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link CrossSiteRequests} with the origins an operator trusts besides the service's own
 * ({@code webhooks.security.trusted-origins}, comma-separated: a DAM's front end on another origin, say).
 */
@ApplicationScoped
public class CrossSiteGuard {

    @Inject
    @ConfigProperty(name = "webhooks.security.trusted-origins")
    Optional<String> trustedOrigins;

    private CrossSiteRequests rules;

    @PostConstruct
    void configure() {
        Set<String> trusted = Arrays.stream(trustedOrigins.orElse("").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        rules = new CrossSiteRequests(trusted);
    }

    /** Why the request must be refused, or null. */
    public String refusal(HttpServletRequest request) {
        return rules.refusal(request.getMethod(), request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"),
                request.getHeader("Host"));
    }
}
