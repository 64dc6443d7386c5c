package io.damwebhooks.it.servers;

import io.damwebhooks.it.servers.neighbour.Neighbours;
import io.damwebhooks.it.support.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * WildFly with its {@code standalone-microprofile.xml}, as docs/servers.md's WildFly section runs it: the
 * one CLI script of {@code server-config/wildfly} (the application security domain the WAR names; WildFly
 * 39 also {@code ee11/openapi.cli}), the
 * WAR copied into {@code deployments}, settings as environment variables. Its own {@code standalone}
 * folder per run (jboss.server.base.dir). Beside the service, two applications of someone else's that
 * use WildFly's shared {@code other} domain ({@link Neighbours}), with a user added by {@code add-user.sh}.
 * WildFly 38 for Jakarta EE 10, WildFly 39 for the current generation, on its JDK.
 */
final class WildFly extends AppServer {

    private final Generation generation;
    private final Path home;
    private final Path javaHome;
    private final Path base = work.resolve("standalone");
    private final int offset = freeOffset();
    private Process process;

    WildFly(Generation generation) {
        this.generation = generation;
        this.javaHome = generation.requireJavaHome();
        this.home = distribution(generation.distributionFolder("wildfly"));
        copyTree(home.resolve("standalone"), base);
        cli(generation.config("wildfly", "jakarta-security.cli").toAbsolutePath(), work);
        // WildFly 39's /openapi needs a URL for the externalDocs it always writes (the script says why)
        if (generation == Generation.EE11) cli(generation.config("wildfly", "openapi.cli").toAbsolutePath(), work);
        copy(WAR, base.resolve("deployments/dam-webhooks.war"));
        // someone else's applications and their user, in the realm of the shared domain (application-*.properties)
        run(work, tools(), "bash", home.resolve("bin/add-user.sh").toString(), "-a", "-u", Neighbours.USER,
                "-p", Neighbours.PASSWORD, "-g", Neighbours.ROLE, "-sc", base.resolve("configuration").toString());
        Neighbours.exportInto(base.resolve("deployments"));
    }

    @Override String name() { return generation == Generation.EE10 ? "WildFly" : "WildFly (EE 11)"; }
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

    /** The JVM gone, or the deployment scanner's marker of a failed deployment. */
    @Override
    String startFailure() {
        if (process != null && !process.isAlive()) return "the server exited";
        for (String war : List.of("dam-webhooks.war", "dam.war")) {
            if (Files.exists(base.resolve("deployments").resolve(war + ".failed"))) return war + " failed to deploy";
        }
        return null;
    }

    private void launch() {
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-microprofile.xml", "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset)
                .redirectErrorStream(true).redirectOutput(work.resolve("console.log").toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
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
        write(script, withPort(generation.config("wildfly", "postgresql.cli"), port));
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
        write(script, withPort(generation.config("wildfly", "dam-postgresql.cli"), port));
        cli(script, folder);
        copy(DAM_WAR, base.resolve("deployments/dam.war"));
        launch();
    }

    /** A CLI script of server-config against this run's standalone folder (embedded: the server is stopped). */
    private void cli(Path script, Path directory) {
        Map<String, String> environment = tools();
        environment.put("JAVA_OPTS", "-Djboss.server.base.dir=" + base);
        run(directory, environment, "bash", home.resolve("bin/jboss-cli.sh").toString(), "--file=" + script);
    }

    /** What WildFly's own scripts run with: this generation's JDK. */
    private Map<String, String> tools() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JAVA_HOME", javaHome.toString());
        return environment;
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
