package io.damwebhooks.it.dam;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.DurablePostgres;
import io.damwebhooks.it.support.PasswordHashes;
import io.damwebhooks.it.support.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The sample DAM ({@code examples/dam}, built by the invoker plugin) as its operators run it: Payara
 * Micro with the DAM's WAR, JDBC pools on real PostgreSQL made by asadmin commands, the DAM's users in
 * its own database. The server matrix ({@code it.servers}) uses its users, requests and counts too.
 */
public final class DamSetup {

    public static final String EDITOR = "editor";
    public static final String EDITOR_PASSWORD = "editor-secret-pw";
    public static final String OPS = "ops";
    public static final String OPS_PASSWORD = "ops-secret-pw";

    private DamSetup() { }

    static ServiceProcess.App dam() {
        return new ServiceProcess.App(Path.of(System.getProperty("dam.war", "target/it-projects/dam/target/dam.war")), "dam");
    }

    /** A PostgreSQL that can take part in XA transactions (prepared transactions allowed), kept in {@code data}. */
    static EmbeddedPostgres postgres(Path data, int port) {
        try {
            return DurablePostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                    .setServerConfig("max_prepared_transactions", "20").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** asadmin commands for a pool on {@code port} named by {@code jndiName}, XA or not, that heals after an outage. */
    static String pool(String jndiName, int port, boolean xa) {
        String pool = jndiName.replace('/', '_');
        return ("create-jdbc-connection-pool --datasourceclassname %s --restype %s --isconnectvalidatereq=true "
                + "--validationmethod=auto-commit --failconnection=true "
                + "--property serverName=127.0.0.1:portNumber=%d:databaseName=postgres:user=postgres:password=postgres %s\n"
                + "create-jdbc-resource --connectionpoolid %s %s\n").formatted(
                xa ? "org.postgresql.xa.PGXADataSource" : "org.postgresql.ds.PGSimpleDataSource",
                xa ? "javax.sql.XADataSource" : "javax.sql.DataSource", port, pool, pool, jndiName);
    }

    /** Starts the DAM with these pools; the server gets the PostgreSQL driver for them (--addlibs). */
    static ServiceProcess start(Path home, String poolCommands, Map<String, String> environment) {
        try {
            Path commands = home.resolve("post-boot.asadmin");
            Files.writeString(commands, poolCommands);
            List<String> options = new ArrayList<>(List.of("--postbootcommandfile", commands.toString(), "--addlibs", driverJar().toString()));
            return ServiceProcess.start(dam(), home, environment, List.of(), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DAM's users, in the DAM's database: an editor of assets, and an operator who manages webhooks. */
    static void users(EmbeddedPostgres database) throws SQLException {
        users(database.getPostgresDatabase());
    }

    /** The same in the database of {@code dataSource}. */
    public static void users(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // the DAM's own schema script (examples/dam, META-INF/dam-schema.sql) makes the same, if absent
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS dam_user (name VARCHAR(100) PRIMARY KEY, password_hash VARCHAR(300) NOT NULL)");
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS dam_user_group (user_name VARCHAR(100) NOT NULL, group_name VARCHAR(100) NOT NULL, PRIMARY KEY (user_name, group_name))");
            String[][] users = {{EDITOR, EDITOR_PASSWORD, "dam-editor"}, {OPS, OPS_PASSWORD, "webhook-admin"}};
            for (String[] user : users) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dam_user VALUES (?, ?)");
                     PreparedStatement group = connection.prepareStatement("INSERT INTO dam_user_group VALUES (?, ?)")) {
                    insert.setString(1, user[0]);
                    insert.setString(2, PasswordHashes.pbkdf2(user[1]));
                    insert.executeUpdate();
                    group.setString(1, user[0]);
                    group.setString(2, user[2]);
                    group.executeUpdate();
                }
            }
        }
    }

    static int count(EmbeddedPostgres database, String sql, Object... parameters) {
        return count(database.getPostgresDatabase(), sql, parameters);
    }

    public static int count(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The DAM's own REST API ({@code /dam/rest}) as one of its users. */
    public static Api assets(URL base, String user, String password) {
        return Api.as(base, "rest/", user, password);
    }

    /** The webhook API inside the DAM ({@code /dam/api}) as one of the DAM's users. */
    public static Api webhooks(URL base, String user, String password) {
        return Api.as(base, user, password);
    }

    /** The service's built-in admin, when the built-in users are on. */
    static Api builtInAdmin(URL base) {
        return Api.as(base, Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
    }

    public static String upload(String name, String folder) {
        return """
                {"name": "%s", "folder": "%s", "size": 48211, "mimeType": "image/jpeg", "width": 1920, "height": 1080}""".formatted(name, folder);
    }

    /** A webhook on every event the DAM fires, with the file details and custom metadata. */
    public static String webhook(String url) {
        return """
                {"name": "PIM", "url": "%s",
                 "triggers": [{"event": "asset.uploaded"}, {"event": "asset.moved"}, {"event": "asset.renamed"},
                              {"event": "asset.deleted"}, {"event": "asset.metadata_changed"},
                              {"event": "asset.tags_changed"}, {"event": "asset.labels_changed"}],
                 "fields": ["file.uuid", "file.name", "file.path", "meta.custom"]}""".formatted(url);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path driverJar() {
        try {
            return Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
