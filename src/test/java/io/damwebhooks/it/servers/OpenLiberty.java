package io.damwebhooks.it.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Open Liberty, as docs/servers.md's Open Liberty section sets it up: a server made with
 * {@code bin/server create}, {@code server-config/liberty/server.xml}, the WAR in {@code apps}, the
 * datasource class and JDBC drivers copied out of the WAR into {@code jdbc/}, settings in
 * {@code server.env}. Its own user folder per run (WLP_USER_DIR). Open Liberty 25 with Jakarta EE 10
 * features; Open Liberty 26 with the feature list of {@code server-config/liberty/ee11/}, on its JDK.
 */
final class OpenLiberty extends AppServer {

    private static final String SERVER = "dam";

    private final Generation generation;
    private final Path javaHome;
    private final Path home;
    private final Path server = work.resolve("usr/servers/" + SERVER);
    private final int port = freePort();

    OpenLiberty(Generation generation) {
        this.generation = generation;
        this.javaHome = generation.requireJavaHome();
        this.home = distribution(generation.distributionFolder("liberty"));
        liberty("create");
        copy(generation.config("liberty", "server.xml"), server.resolve("server.xml"));
        copy(WAR, server.resolve("apps/dam-webhooks.war"));
        jarsFromWar(server.resolve("jdbc"), "dam-webhooks-jdbc", "h2-", "postgresql-");
        write(server.resolve("bootstrap.properties"), "http.port=" + port + "\nhttps.port=" + freePort() + "\n");
    }

    @Override String name() { return generation == Generation.EE10 ? "Open Liberty" : "Open Liberty (EE 11)"; }
    @Override int httpPort() { return port; }
    @Override Path log() { return server.resolve("logs/messages.log"); }

    @Override
    void start() {
        launch();
        awaitApi();
    }

    private void launch() {
        write(server.resolve("server.env"), environment().entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue()).collect(Collectors.joining("\n", "", "\n")));
        liberty("start");
    }

    @Override
    void stop() {
        liberty("stop");
    }

    @Override
    void usePostgresql(int port) {
        stop();
        // the file alone switches the application: its webhooks.db.jndi-name variable reaches MicroProfile Config
        write(server.resolve("postgresql.xml"), withPort(generation.config("liberty", "postgresql.xml"), port));
        start();
    }

    /** The DAM's own server.xml in place of the service's (and of its postgresql.xml), and one restart. */
    @Override
    void deployDam(int port) {
        stop();
        write(server.resolve("server.xml"), withPort(generation.config("liberty", "dam-server.xml"), port));
        try {
            Files.delete(server.resolve("postgresql.xml"));
            Files.delete(server.resolve("apps/dam-webhooks.war"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copy(DAM_WAR, server.resolve("apps/dam.war"));
        launch();
    }

    private void liberty(String action) {
        run(work, Map.of("WLP_USER_DIR", work.resolve("usr").toString(), "JVM_ARGS", "-Xmx512m",
                        "JAVA_HOME", javaHome.toString()),
                "bash", home.resolve("bin/server").toString(), action, SERVER);
    }
}
