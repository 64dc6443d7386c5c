package io.damwebhooks.it.servers;

import io.damwebhooks.it.support.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * WildFly 38 with its {@code standalone-microprofile.xml}, as the README's WildFly section runs it: the
 * one CLI script of {@code server-config/wildfly}, the WAR copied into {@code deployments}, settings
 * as environment variables. Its own {@code standalone} folder per run (jboss.server.base.dir).
 */
final class WildFly extends AppServer {

    private final Path home = distribution("wildfly");
    private final Path base = work.resolve("standalone");
    private final int offset = freeOffset();
    private Process process;

    WildFly() {
        copyTree(home.resolve("standalone"), base);
        cli(SERVER_CONFIG.resolve("wildfly/jakarta-security.cli").toAbsolutePath(), work);
        copy(WAR, base.resolve("deployments/dam-webhooks.war"));
    }

    @Override String name() { return "WildFly"; }
    @Override int httpPort() { return 8080 + offset; }
    @Override Path log() { return base.resolve("log/server.log"); }

    /** WildFly serves health on its management port. */
    @Override
    int healthPort() {
        return 9990 + offset;
    }

    @Override
    void start() {
        launch();
        awaitApi();
    }

    private void launch() {
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-microprofile.xml", "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset)
                .redirectErrorStream(true).redirectOutput(work.resolve("console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Xmx512m -XX:+UseSerialGC " + ServiceProcess.QUICK_START);
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
        // the JVM is a child of standalone.sh: wait for it too, or a restart starts the next JVM while this
        // one still holds the ports and answers (first 200, then 503 while it suspends)
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(2, TimeUnit.MINUTES);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    child.destroyForcibly();
                }
            }
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    void usePostgresql(int port) {
        stop();
        Path folder = work.resolve("driver");
        Path jar = jarsFromWar(folder, "postgresql-").get(0);
        copy(jar, folder.resolve("postgresql.jar"));
        Path script = folder.resolve("postgresql.cli");
        write(script, withPort(SERVER_CONFIG.resolve("wildfly/postgresql.cli"), port));
        cli(script, folder);
        settings.put("webhooks.db.jndi-name", "java:jboss/datasources/dam-webhooks");
        start();
    }

    /**
     * One restart: the DAM's datasource is added with the server stopped, like the service's, and the
     * service's webhooks.db.jndi-name is an environment variable of the server's process.
     */
    @Override
    void deployDam(int port) {
        stop();
        try {
            for (String file : List.of("dam-webhooks.war", "dam-webhooks.war.deployed")) {
                Files.deleteIfExists(base.resolve("deployments").resolve(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.remove("webhooks.db.jndi-name");
        Path folder = work.resolve("driver"); // postgresql.jar, copied out of the WAR by usePostgresql
        Path script = folder.resolve("dam-postgresql.cli");
        write(script, withPort(SERVER_CONFIG.resolve("wildfly/dam-postgresql.cli"), port));
        cli(script, folder);
        copy(DAM_WAR, base.resolve("deployments/dam.war"));
        launch();
    }

    /** A CLI script of server-config against this run's standalone folder (embedded: the server is stopped). */
    private void cli(Path script, Path directory) {
        run(directory, Map.of("JAVA_OPTS", "-Djboss.server.base.dir=" + base),
                "bash", home.resolve("bin/jboss-cli.sh").toString(), "--file=" + script);
    }

    /** A port offset with both the HTTP (8080) and the management (9990) port free. */
    private static int freeOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = 10000 + (int) (Math.random() * 20000);
            if (isFree(8080 + offset) && isFree(9990 + offset)) return offset;
        }
        throw new IllegalStateException("no free port offset");
    }
}
