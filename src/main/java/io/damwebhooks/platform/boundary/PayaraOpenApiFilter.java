package io.damwebhooks.platform.boundary;

import java.lang.reflect.Method;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Keeps the server's {@code /openapi} a valid OpenAPI document on Payara 6, whose document object carries a
 * map from context root to paths that it writes as a root property {@code endpoints}: OpenAPI allows no such
 * property, and tools that read the document refuse it. Payara has no setting to leave it out (Payara 7
 * writes it as {@code x-endpoints}); it is left out when empty, so this filter empties it. On every other
 * server the document has no such method and nothing changes. Named by {@code mp.openapi.filter}.
 */
public class PayaraOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        try {
            Method endpoints = openAPI.getClass().getMethod("setEndpoints", java.util.Map.class);
            endpoints.invoke(openAPI, new TreeMap<>());
        } catch (NoSuchMethodException notPayara) {
            // another server's document: nothing to remove
        } catch (ReflectiveOperationException | RuntimeException changed) {
            // a Payara whose model changed: its document is served as it is, and the server tier says so
        }
    }
}
