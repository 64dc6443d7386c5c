package io.damwebhooks.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service as a separate operating-system process — Payara Micro with the built WAR, started the
 * way the README starts it — for tests that must kill it hard or run several instances. Configured
 * through environment variables, as an operator would.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The WAR a process deploys and its context root: the service's own, or a DAM's WAR that embeds it. */
    public record App(Path war, String contextRoot) {
        public static App service() {
            return new App(Path.of(System.getProperty("war.file", "target/dam-webhooks.war")), "dam-webhooks");
        }
    }

    /** C1 only: a start in about 18 s instead of 28 s. A test that measures throughput passes {@link #FULL_JIT}. */
    public static final String QUICK_START = "-XX:TieredStopAtLevel=1";
    public static final String FULL_JIT = "-XX:TieredStopAtLevel=4";

    private final Process process;
    private final int port;
    private final Path log;
    private final Start start;

    /** How an instance was started, so that {@link #restart()} can start it the same way. */
    private record Start(App app, Path home, Map<String, String> environment, List<String> jvmOptions,
                         List<String> payaraOptions, int number, String runtime) { }

    private ServiceProcess(Process process, int port, Path log, Start start) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.start = start;
    }

    /** Starts an instance on a free port with {@code home} as its data directory and waits until it is ready. */
    public static ServiceProcess start(Path relativeOrAbsoluteHome, Map<String, String> environment) {
        return start(relativeOrAbsoluteHome, environment, List.of());
    }

    /** The same, with extra JVM options for the server (e.g. {@code -Djdk.net.hosts.file=…}). */
    public static ServiceProcess start(Path relativeOrAbsoluteHome, Map<String, String> environment, List<String> jvmOptions) {
        return start(relativeOrAbsoluteHome, environment, jvmOptions, List.of());
    }

    /** The same, with extra Payara Micro options (e.g. {@code --postbootcommandfile …}). */
    public static ServiceProcess start(Path relativeOrAbsoluteHome, Map<String, String> environment,
                                       List<String> jvmOptions, List<String> payaraOptions) {
        return start(App.service(), relativeOrAbsoluteHome, environment, jvmOptions, payaraOptions);
    }

    /** The same with another application: a DAM's WAR with the service inside it. */
    public static ServiceProcess start(App app, Path relativeOrAbsoluteHome, Map<String, String> environment,
                                       List<String> jvmOptions, List<String> payaraOptions) {
        return start(new Start(app, relativeOrAbsoluteHome.toAbsolutePath(), environment, jvmOptions, payaraOptions, 1, null), freePort());
    }

    /**
     * Starts this instance again — after {@link #kill()}, say — on the same data, configuration and
     * HTTP port, so that it is the same instance ({@code webhooks.instance.id}) again. Its log is a new file.
     */
    public ServiceProcess restart() {
        if (process.isAlive()) throw new IllegalStateException("still running: kill or close it first");
        return start(new Start(start.app(), start.home(), start.environment(), start.jvmOptions(), start.payaraOptions(),
                start.number() + 1, null), port);
    }

    /**
     * Starts this instance again in the runtime directory it used, as a restart of Payara Micro with the
     * same {@code --rootdir} does: Payara Micro deploys the application it kept there, then replaces it with
     * {@code --deploy}'s — a redeploy inside one JVM. Ready once the replacement is.
     */
    public ServiceProcess restartInSameRuntime() {
        if (process.isAlive()) throw new IllegalStateException("still running: kill or close it first");
        return start(new Start(start.app(), start.home(), start.environment(), start.jvmOptions(), start.payaraOptions(),
                start.number() + 1, runtime()), port);
    }

    private String runtime() {
        return start.runtime() != null ? start.runtime() : port + (start.number() == 1 ? "" : "-" + start.number());
    }

    private static ServiceProcess start(Start start, int port) {
        Path home = start.home();
        Map<String, String> environment = start.environment();
        List<String> jvmOptions = start.jvmOptions();
        List<String> payaraOptions = start.payaraOptions();
        try {
            java.nio.file.Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = port + (start.number() == 1 ? "" : "-" + start.number());
        Path log = home.resolve("server-" + name + ".log");
        // C1 only, unless the test's own options say otherwise (the last -XX wins): these tests are about
        // behaviour, and C2 doubles the CPU a start takes (46 s against 23 s), which slows everything else
        // running on a 2-core machine
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", QUICK_START, "-Djava.io.tmpdir=" + home));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", start.app().war().toString(),
                "--contextroot", start.app().contextRoot(), "--port", String.valueOf(port), "--nocluster",
                // a fresh runtime directory per start: in a used one, Payara Micro deploys the WAR it had
                // deployed and then deploys --deploy over it, so the application would start twice
                "--rootdir", home.resolve("payara-" + (start.runtime() != null ? start.runtime() : name)).toString()));
        command.addAll(payaraOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("WEBHOOKS_HOME", home.toString());
        builder.environment().put("WEBHOOKS_ADMIN_PASSWORD", Deployments.ADMIN_PASSWORD);
        builder.environment().put("WEBHOOKS_PUBLISHER_USER", Deployments.PUBLISHER);
        builder.environment().put("WEBHOOKS_PUBLISHER_PASSWORD", Deployments.PUBLISHER_PASSWORD);
        builder.environment().putAll(environment);
        try {
            ServiceProcess service = new ServiceProcess(builder.start(), port, log, start);
            try {
                service.awaitReady(Duration.ofMinutes(4));
            } catch (RuntimeException | AssertionError notReady) {
                service.kill(); // never leave a half-started server behind
                throw notReady;
            }
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URL base() {
        try {
            return URI.create("http://127.0.0.1:" + port + "/" + start.app().contextRoot() + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The heap in use now, from the server's MicroProfile Metrics (garbage not yet collected included); 0 when unknown. */
    public long usedHeapBytes() {
        HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics?scope=base"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            String text = HttpClient.newHttpClient().send(metrics, HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                if (line.startsWith("memory_usedHeap_bytes")) return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The server's process id (for its CPU time, in the benchmark). */
    public long pid() {
        return process.pid();
    }

    /** Everything the server printed: its log. */
    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no flush, as when the machine dies. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    @Override
    public void close() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration within) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Poll.until(within, () -> {
            if (!process.isAlive()) throw new AssertionError("the service exited; see " + log);
            if (deployFailed()) throw new AssertionError("the WAR failed to deploy; see " + log);
            try {
                HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
                // the server may answer before the WAR is deployed: ready means our database check is UP, and
                // Payara Micro's closing line is out (in a used --rootdir a kept application answers first)
                boolean booted = java.nio.file.Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains(") ready in ");
                return answer.statusCode() == 200 && answer.body().contains("database") && booted ? 200 : answer.statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }, status -> status == 200, "the service on port " + port + " ready (log: " + log + ")");
    }

    private boolean deployFailed() {
        try {
            return java.nio.file.Files.exists(log) && java.nio.file.Files.readString(log).contains("Exception while deploying the app")
                    || java.nio.file.Files.readString(log).contains("Exception while preparing the app")
                    || java.nio.file.Files.readString(log).contains("Exception while loading the app");
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
