package io.damwebhooks.it.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.DurablePostgres;
import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.PasswordHashes;
import io.damwebhooks.it.webhooks.WebhooksContract;
import io.damwebhooks.security.control.SecretCipher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same contract on a real PostgreSQL, started by the test, as a production deployment would run:
 * the database already holds tables of its own (the deployer's users), {@code webhooks.secrets.key}
 * is configured (several instances share it), and the built-in users are off
 * ({@code webhooks.security.built-in-users=false}): a {@code @DatabaseIdentityStoreDefinition} in a
 * jar the deployer adds to {@code WEB-INF/lib} decides who logs in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PostgresWebhooksIT extends WebhooksContract {

    private static final String DEPLOYER_ADMIN = "deployer-admin";
    private static final String DEPLOYER_ADMIN_PASSWORD = "deployer-admin-pw";
    private static final String EDITOR = "editor";
    private static final String EDITOR_PASSWORD = "editor-pw";
    private static final byte[] KEY = new byte[32];

    private static EmbeddedPostgres postgres;
    private static Path data;
    private static Path home;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException, SQLException {
        home = Deployments.freshHome();
        data = home.resolve("pgdata");
        postgres = DurablePostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start();
        addDeployerUsers();
        new SecureRandom().nextBytes(KEY);
        WebArchive war = Deployments.war(Map.of(
                "webhooks.home", home.toString(),
                "webhooks.db.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                "webhooks.db.user", "postgres",
                "webhooks.db.password", "postgres",
                "webhooks.limit", String.valueOf(LIMIT),
                "webhooks.secrets.key", Base64.getEncoder().encodeToString(KEY),
                // no admin password configured: with the built-in users off, none may be generated either
                "webhooks.admin.password", "",
                "webhooks.security.built-in-users", "false"));
        return war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "deployer-users.jar")
                .addClass(DeployerUsers.class)
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" "
                        + "bean-discovery-mode=\"all\"/>"), "beans.xml"));
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) postgres.close();
    }

    @Override
    protected Api admin() {
        return Api.as(base, DEPLOYER_ADMIN, DEPLOYER_ADMIN_PASSWORD);
    }

    @Override
    protected Connection database() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    protected SecretCipher cipher() {
        return new SecretCipher(KEY);
    }

    @Override
    protected Path flushedStorage() throws SQLException {
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
        return data;
    }

    @Test
    void theDeployersOwnUsersDecideWhenTheBuiltInOnesAreOff() {
        assertEquals(200, admin.get("webhooks").status(), "the deployer's admin");
        assertEquals(401, Api.admin(base).get("webhooks").status(), "the built-in admin, with its configured password");
        assertEquals(401, Api.publisher(base).get("webhooks").status(), "the built-in publisher");
        assertEquals(403, Api.as(base, EDITOR, EDITOR_PASSWORD).get("webhooks").status(), "the deployer's event publisher");
        assertEquals(401, Api.as(base, EDITOR, "wrong").get("webhooks").status());
        assertEquals(401, Api.as(base, DEPLOYER_ADMIN, EDITOR_PASSWORD).get("webhooks").status());
    }

    @Test
    void noAdminPasswordFileIsWrittenWhenNobodyCouldLogInWithIt() {
        assertEquals(401, Api.admin(base).get("webhooks").status(), "the built-in admin");
        assertFalse(Files.exists(home.resolve("admin-password")), "a generated password nobody can use");
    }

    @Test
    void theServicesTablesSitBesideTheDeployersOwn() throws SQLException {
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            var tables = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
            Set<String> names = new HashSet<>();
            while (tables.next()) names.add(tables.getString(1));
            assertTrue(names.containsAll(Set.of("deployer_user", "deployer_group", "webhook", "webhooks_schema_history")),
                    names.toString());
        }
    }

    /** The deployer's users: an admin and an event publisher, with PBKDF2 hashes as Jakarta Security reads them. */
    private static void addDeployerUsers() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE deployer_user (name VARCHAR(100) PRIMARY KEY, password_hash VARCHAR(300) NOT NULL)");
            statement.execute("CREATE TABLE deployer_group (user_name VARCHAR(100) NOT NULL, group_name VARCHAR(100) NOT NULL)");
            try (PreparedStatement user = connection.prepareStatement("INSERT INTO deployer_user VALUES (?, ?)");
                 PreparedStatement group = connection.prepareStatement("INSERT INTO deployer_group VALUES (?, ?)")) {
                for (String[] row : new String[][]{{DEPLOYER_ADMIN, DEPLOYER_ADMIN_PASSWORD, "webhook-admin"},
                        {EDITOR, EDITOR_PASSWORD, "event-publisher"}}) {
                    user.setString(1, row[0]);
                    user.setString(2, PasswordHashes.pbkdf2(row[1]));
                    user.executeUpdate();
                    group.setString(1, row[0]);
                    group.setString(2, row[2]);
                    group.executeUpdate();
                }
            }
        }
    }
}
