package io.damwebhooks.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * persistence.xml lists its classes (WildFly's file system hides them from the WAR's own scanner):
 * every entity, embeddable and converter of the application is listed, and nothing else.
 */
class PersistenceUnitTest {

    private static final List<Class<? extends java.lang.annotation.Annotation>> MAPPED =
            List.of(Entity.class, Embeddable.class, Converter.class, MappedSuperclass.class);

    @Test
    void listsEveryMappedClassOfTheApplication() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        Set<String> mapped = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (MAPPED.stream().anyMatch(type::isAnnotationPresent)) mapped.add(name);
            }
        }
        Set<String> listed = new TreeSet<>();
        Matcher entry = Pattern.compile("<class>([^<]+)</class>")
                .matcher(Files.readString(Path.of("src/main/resources/META-INF/persistence.xml")));
        while (entry.find()) listed.add(entry.group(1));
        assertEquals(mapped, listed);
    }
}
