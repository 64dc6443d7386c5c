package io.damwebhooks.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The API lists its classes (so that a DAM's own resources stay out of it): the list must be complete. */
class WebhooksApplicationTest {

    @Test
    void listsEveryResourceAndProviderOfTheService() throws IOException, URISyntaxException {
        java.nio.file.Path classes = java.nio.file.Path.of(WebhooksApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> annotated = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("io/damwebhooks"))) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = load(name);
                if (type.isAnnotationPresent(Path.class) || type.isAnnotationPresent(Provider.class)) annotated.add(name);
            });
        }
        Set<String> listed = new TreeSet<>();
        new WebhooksApplication().getClasses().forEach(c -> listed.add(c.getName()));
        assertEquals(annotated, listed);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, WebhooksApplicationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
