package io.damwebhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.ext.Provider;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The service's JAX-RS applications list their classes (so that a DAM's own resources stay out of
 * them when the service is embedded): together the lists must name every resource and provider.
 */
class WebhooksApplicationTest {

    @Test
    void theApplicationsListEveryResourceAndProviderOfTheService() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of(WebhooksApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> annotated = new TreeSet<>();
        Set<String> listed = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("io/damwebhooks"))) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = load(name);
                if (type.isAnnotationPresent(Path.class) || type.isAnnotationPresent(Provider.class)) annotated.add(name);
                if (Application.class.isAssignableFrom(type) && type.isAnnotationPresent(ApplicationPath.class)) {
                    Set<Class<?>> its = instance(type).getClasses();
                    assertFalse(its.isEmpty(), name + " must list its classes: an empty list scans the whole WAR");
                    its.forEach(c -> listed.add(c.getName()));
                }
            });
        }
        assertEquals(annotated, listed);
        assertTrue(listed.contains("io.damwebhooks.webhook.boundary.WebhooksResource"), "the scan found the classes");
    }

    private static Application instance(Class<?> type) {
        try {
            return (Application) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, WebhooksApplicationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
