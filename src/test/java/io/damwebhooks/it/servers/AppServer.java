package io.damwebhooks.it.servers;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One application server of the matrix, installed from its distribution (unpacked by the build under
 * {@code target/servers}) into a fresh folder, set up with exactly the files of {@code server-config/}
 * and the commands of its docs/servers.md section, with the built WAR deployed unchanged.
 */
abstract class AppServer implements AutoCloseable {

    static final Path SERVER_CONFIG = Path.of("server-config");
    static final Path WAR = Path.of(System.getProperty("war.file", "target/dam-webhooks.war"));
    /** The sample DAM with the service inside ({@code examples/dam}, built by the invoker plugin). */
    static final Path DAM_WAR = Path.of(System.getProperty("dam.war", "target/it-projects/dam/target/dam.war")).toAbsolutePath();

    /** The folder of this run: the server's own files, its data, its logs. */
    final Path work = Deployments.freshHome();
    /** The service's settings, given the way the server's docs/servers.md section gives them. */
    final Map<String, String> settings = new LinkedHashMap<>();

    AppServer() {
        settings.put("webhooks.home", work.resolve("data").toString());
        settings.put("webhooks.admin.password", Deployments.ADMIN_PASSWORD);
        settings.put("webhooks.publisher.user", Deployments.PUBLISHER);
        settings.put("webhooks.publisher.password", Deployments.PUBLISHER_PASSWORD);
        settings.put("webhooks.delivery.allow-http", "true");
        settings.put("webhooks.delivery.allow-private-networks", "true");
        settings.put("webhooks.delivery.timeout", "2s"); // the attempt's FT @Timeout, checked on every server
    }

    abstract String name();

    /** Installs the server, applies its set-up, deploys the WAR, starts it and waits until the API answers. */
    abstract void start();

    abstract void stop();

    /** Stops and starts the server again, as an operator would. */
    void restart() {
        stop();
        start();
    }

    /** Switches the running server to the second database route, PostgreSQL through its own pool, and restarts it. */
    abstract void usePostgresql(int port);

    abstract int httpPort();

    /**
     * Makes this server a DAM team's, as docs/embedding.md sets it up: the service's own
     * deployment and its server-wide database setting gone (a DAM team has neither, and that setting would
     * override the DAM's own), the DAM's datasource {@code jdbc/dam} on the PostgreSQL at {@code port},
     * database {@code dam}, and the sample DAM's WAR deployed. Returns once the deployment has begun.
     */
    void deployDam(int port) {
        throw new UnsupportedOperationException(name() + " does not run the sample DAM here (Payara Micro 6: it.dam.EmbeddedDamIT)");
    }

    /** The sample DAM's context root. */
    URL damBase() {
        return local(httpPort(), "/dam/");
    }

    /** Where the server writes its log, for a failing test's message. */
    abstract Path log();

    URL base() {
        return local(httpPort(), "/dam-webhooks/");
    }

    /** The port of MicroProfile Health's {@code /health/ready}: the HTTP port everywhere but WildFly. */
    int healthPort() {
        return httpPort();
    }

    static URL local(int port, String path) {
        try {
            return URI.create("http://127.0.0.1:" + port + path).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException | AssertionError alreadyStopped) {
            // a test that failed half-way may leave nothing to stop; its own failure is the one to report
        }
    }

    /** Why the server cannot come up any more (its process gone, a failed deployment), or null: ends the wait early. */
    String startFailure() {
        return null;
    }

    /** Ready when the API answers the admin: the application is deployed and its database is up. */
    void awaitApi() {
        Poll.until(Duration.ofMinutes(6), () -> {
            String failure = startFailure();
            if (failure != null) throw new AssertionError(name() + ": " + failure + " (log: " + log() + ")");
            try {
                return Api.admin(base()).get("webhooks").status();
            } catch (RuntimeException notYet) {
                return -1;
            }
        }, status -> status == 200, name() + " serving the API (log: " + log() + ")");
    }

    /** The settings as environment variables (webhooks.db.url -> WEBHOOKS_DB_URL). */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        settings.forEach((key, value) -> environment.put(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"), value));
        return environment;
    }

    /** Runs a command of the server's tools to its end, failing with its output when it fails. */
    static String run(Path directory, Map<String, String> environment, String... command) {
        try {
            Path output = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "command-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            // every JVM the tools start, the servers' own included, stops at C1, as the tests' service processes do
            builder.environment().put("JAVA_TOOL_OPTIONS", ServiceProcess.QUICK_START);
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(8, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish: " + Files.readString(output));
            }
            String printed = Files.readString(output);
            if (process.exitValue() != 0) throw new AssertionError(String.join(" ", command) + " failed: " + printed);
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Copies the WAR's own jars that a server needs as a library of its own (docs/servers.md's unzip step). */
    static List<Path> jarsFromWar(Path into, String... prefixes) {
        List<Path> copied = new ArrayList<>();
        try (ZipFile war = new ZipFile(WAR.toFile())) {
            Files.createDirectories(into);
            for (ZipEntry entry : war.stream().toList()) {
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (!entry.getName().startsWith("WEB-INF/lib/")) continue;
                for (String prefix : prefixes) {
                    if (name.startsWith(prefix)) {
                        Path target = into.resolve(name);
                        Files.copy(war.getInputStream(entry), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        copied.add(target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copied;
    }

    /** A server-config file with the example PostgreSQL port replaced by the test database's. */
    static String withPort(Path file, int port) {
        try {
            return Files.readString(file).replace("5432", String.valueOf(port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A distribution the build unpacked into {@code target/servers/<name>/}: the one folder in there. */
    static Path distribution(String name) {
        Path unpacked = Path.of(System.getProperty("servers.dir", "target/servers")).resolve(name).toAbsolutePath();
        try (var folders = Files.list(unpacked)) {
            return folders.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Nothing unpacked in " + unpacked));
        } catch (IOException e) {
            throw new IllegalStateException("No server distribution at " + unpacked + " (mvn verify unpacks them)", e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) Files.createDirectories(target);
                else Files.copy(path, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
