package io.damwebhooks.platform.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the tables live. By default in the WAR's own pooled datasource, so the WAR deploys on a bare
 * server with no JDBC pool set up; {@link UrlDataSource} reads {@code webhooks.db.url}, {@code .user}
 * and {@code .password} when the pool opens a connection.
 * <p>
 * {@code webhooks.db.jndi-name} names a datasource the server already has instead — the DAM's own
 * database, so that outbox rows commit in the DAM's transaction without XA. The persistence unit
 * (through {@link ConfiguredConnections}), the migrations and the readiness check all use the one
 * {@link #dataSource()} this class answers.
 */
@ApplicationScoped
@DataSourceDefinition(
        name = Database.OWN_DATASOURCE,
        className = "io.damwebhooks.platform.control.UrlDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        // configPrefix: read by every server as a bean property of UrlDataSource (WildFly insists on one);
        // the fish.payara ones tune Payara's pool, and other servers drop them with a warning. auto-commit
        // notices an embedded H2 that closed itself (a full disk: KillLoopIT), so the pool reopens it; it
        // does not reach PostgreSQL, so a connection the server dropped fails the one request it is handed
        // (a 503). Connection.isValid (JDBC40ConnectionValidation) is the reverse: it was tried, and H2
        // then stayed closed after the disk had room again.
        properties = {"configPrefix=webhooks.db",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.fail-all-connections=true"})
public class Database {

    /** The WAR's own pool. */
    public static final String OWN_DATASOURCE = "java:app/jdbc/dam-webhooks";

    /** The server datasource to use instead of the WAR's own, if one is configured. */
    public static Optional<String> configuredJndiName() {
        return ConfigProvider.getConfig(Database.class.getClassLoader())
                .getOptionalValue("webhooks.db.jndi-name", String.class)
                .filter(name -> !name.isBlank());
    }

    private static volatile DataSource resolved;

    /**
     * Looked up once, at start-up by the migrations: a java:app name resolves only on a thread of the
     * application, which the health checks' threads are not.
     */
    public static DataSource dataSource() {
        DataSource dataSource = resolved;
        if (dataSource == null) {
            dataSource = lookup(configuredJndiName().orElse(OWN_DATASOURCE));
            resolved = dataSource;
        }
        return dataSource;
    }

    static DataSource lookup(String name) {
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("No datasource " + name + " (webhooks.db.jndi-name)", e);
        }
    }
}
