package com.example.dam.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;

/**
 * Enforces {@code @RolesAllowed} on the DAM's own resources, the same on every server: anonymous
 * callers get 401, logged-in users without the role 403, before the resource runs. A server's JAX-RS
 * does it on its own only sometimes: Payara's Jersey and Liberty do, WildFly's RESTEasy only with the
 * context parameter {@code resteasy.role.based.security=true} — without it, anybody could change assets.
 * Requests outside DAM Webhooks' {@code /api} pass its authentication mechanism without credentials,
 * so this check is what guards the DAM's API.
 */
public class RolesCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RolesAllowed allowed = resource.getResourceMethod().isAnnotationPresent(RolesAllowed.class)
                ? resource.getResourceMethod().getAnnotation(RolesAllowed.class)
                : resource.getResourceClass().getAnnotation(RolesAllowed.class);
        if (allowed != null) context.register(new Check(allowed.value()));
    }

    // before a server's own role check (AUTHORIZATION), which may answer an anonymous caller 403
    @Priority(Priorities.AUTHENTICATION)
    record Check(String[] roles) implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext caller = request.getSecurityContext();
            if (caller.getUserPrincipal() == null) {
                // the challenge for tools only: a browser would keep the credentials for the whole origin
                Response.ResponseBuilder refused = problem(401, "Unauthorized", "Credentials are required (HTTP Basic).");
                if (request.getHeaderString("Sec-Fetch-Dest") == null) refused.header("WWW-Authenticate", "Basic realm=\"dam\"");
                request.abortWith(refused.build());
            } else if (Arrays.stream(roles).noneMatch(caller::isUserInRole)) {
                request.abortWith(problem(403, "Forbidden", "This needs the role " + String.join(" or ", roles) + ".").build());
            }
        }

        private static Response.ResponseBuilder problem(int status, String title, String detail) {
            return Response.status(status).type("application/problem+json").entity(Json.createObjectBuilder()
                    .add("type", "about:blank").add("title", title).add("status", status).add("detail", detail).build().toString());
        }
    }
}
