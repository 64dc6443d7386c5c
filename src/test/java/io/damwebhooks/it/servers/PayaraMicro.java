package io.damwebhooks.it.servers;

import io.damwebhooks.it.support.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro, as the README's Quick start runs it ({@code java -jar payara-micro.jar --deploy …}, the
 * same options as {@link ServiceProcess}), on this generation's JDK: Payara Micro 6 on the tests' Java 17,
 * Payara Micro 7 on a JDK 21+. The PostgreSQL route uses the very commands of
 * {@code server-config/payara-server/postgresql.asadmin} as post-boot commands.
 */
final class PayaraMicro extends AppServer {

    private final Generation generation;
    private final Path javaHome;
    private final Path jar;
    private final int port = freePort();
    private final List<String> options = new ArrayList<>();
    private Process process;
    private Path log;
    private int starts;

    PayaraMicro(Generation generation) {
        this.generation = generation;
        this.javaHome = generation.requireJavaHome();
        this.jar = Path.of(generation == Generation.EE10
                ? System.getProperty("payara.microJar", "target/payara-micro.jar")
                : System.getProperty("payara.micro7Jar", "target/payara-micro-7.jar")).toAbsolutePath();
    }

    @Override String name() { return generation == Generation.EE10 ? "Payara Micro" : "Payara Micro 7"; }
    @Override int httpPort() { return port; }
    @Override Path log() { return log == null ? work : log; }

    @Override
    void start() {
        launch();
        awaitApi();
    }

    @Override
    String startFailure() {
        if (process != null && !process.isAlive()) return "the server exited";
        try {
            String printed = log == null || !Files.exists(log) ? "" : Files.readString(log);
            return printed.contains("Exception while deploying the app") || printed.contains("Exception while preparing the app")
                    ? "the WAR failed to deploy" : null;
        } catch (IOException | UncheckedIOException notReadable) {
            return null;
        }
    }

    private void launch() {
        starts++;
        log = work.resolve("server-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", ServiceProcess.QUICK_START, "-Djava.io.tmpdir=" + work,
                "-jar", jar.toString(), "--deploy", WAR.toAbsolutePath().toString(), "--contextroot", "dam-webhooks",
                "--port", String.valueOf(port), "--nocluster",
                // a fresh runtime directory per start: in a used one, Payara Micro deploys the WAR it had
                // deployed and then --deploy over it (ServiceProcess says the same)
                "--rootdir", work.resolve("payara-" + starts).toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void stop() {
        if (process == null) return;
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    void usePostgresql(int port) {
        stop();
        Path driver = jarsFromWar(work.resolve("driver"), "postgresql-").get(0);
        Path commands = work.resolve("postgresql.asadmin");
        write(commands, withPort(generation.config("payara-server", "postgresql.asadmin"), port));
        options.addAll(List.of("--addlibs", driver.toString(), "--postbootcommandfile", commands.toString()));
        start();
    }
}
