package io.damwebhooks.security.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Enforces {@code @RolesAllowed} on the API's resources the same way on every server. Payara's Jersey
 * and Liberty check it on their own, WildFly's RESTEasy only when switched on, and then answers in
 * plain text; here a missing role is a {@link ForbiddenException}, which becomes a problem document.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class)
                : resource.getResourceClass().getAnnotation(RolesAllowed.class);
        if (allowed != null) context.register(new Check(allowed.value()));
    }

    @Priority(Priorities.AUTHORIZATION)
    record Check(String[] roles) implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext caller = request.getSecurityContext();
            if (caller.getUserPrincipal() == null) {
                throw new NotAuthorizedException("Credentials are required (HTTP Basic).", "Basic realm=\"dam-webhooks\"");
            }
            if (Arrays.stream(roles).noneMatch(caller::isUserInRole)) {
                throw new ForbiddenException("This needs the role " + String.join(" or ", roles) + ".");
            }
        }
    }
}
