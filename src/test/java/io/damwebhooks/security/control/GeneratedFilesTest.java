package io.damwebhooks.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated secrets key and admin password: owner-only from the start, and one per home however many starts race. */
class GeneratedFilesTest {

    @TempDir
    Path home;

    @Test
    void aSecondFirstStartKeepsTheKeyTheFirstOneWrote() throws Exception {
        Path file = home.resolve("secrets.key");
        String first = SecretKeyLoader.generate(file);
        assertEquals(first, SecretKeyLoader.generate(file), "the key in the file, not a second one");
        assertEquals(first, Files.readString(file).trim());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void startsRacingOnOneHomeAllUseOneKey() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                Path dir = Files.createDirectory(home.resolve("round-" + round));
                List<Callable<String>> starts = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) starts.add(() -> new String(loader(dir).key(), java.nio.charset.StandardCharsets.ISO_8859_1));
                Set<String> keys = new HashSet<>();
                for (Future<String> key : threads.invokeAll(starts)) keys.add(key.get());
                assertEquals(1, keys.size(), "round " + round + ": every start uses the same key");
                try (var files = Files.list(dir)) {
                    assertEquals(List.of("secrets.key"), files.map(f -> f.getFileName().toString()).toList(), "no drafts left");
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theAdminPasswordFileIsOwnerOnlyAndKept() throws Exception {
        Files.writeString(home.resolve("admin-password"), "kept-from-before-123\n");
        assertEquals("kept-from-before-123", adminPassword(home).value());
        Path other = Files.createDirectory(home.resolve("fresh"));
        String generated = adminPassword(other).value();
        assertEquals(24, generated.length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(other.resolve("admin-password"))));
        try (var files = Files.list(other)) {
            assertEquals(List.of("admin-password"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    private static SecretKeyLoader loader(Path home) {
        SecretKeyLoader loader = new SecretKeyLoader();
        loader.configuredKey = Optional.empty();
        loader.home = home.toString();
        return loader;
    }

    private static AdminPassword adminPassword(Path home) {
        AdminPassword password = new AdminPassword();
        password.configured = Optional.empty();
        password.home = home.toString();
        password.builtInUsers = true;
        return password;
    }
}
