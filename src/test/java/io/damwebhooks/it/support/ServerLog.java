package io.damwebhooks.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The log of the Payara Micro that Arquillian starts for the integration tests: {@code arquillian.xml}
 * has each one append to {@code ${test.work}/arquillian-server*.log}, so that a test can scan what the
 * service wrote (for secrets, say) the way an operator's log collector would see it.
 */
public final class ServerLog {

    private ServerLog() { }

    /** Everything the Arquillian servers of this run have logged so far. */
    public static String text() {
        Path work = Path.of(System.getProperty("test.work", "target/test-work"));
        try (Stream<Path> files = Files.list(work)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("arquillian-server")).sorted().toList()) {
                text.append(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which of {@code secrets} the log contains (none, one hopes). */
    public static List<String> containing(List<String> secrets) {
        String text = text();
        return secrets.stream().filter(text::contains).toList();
    }
}
