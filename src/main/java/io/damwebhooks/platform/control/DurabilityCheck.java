package io.damwebhooks.platform.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Refuses to start on a database that would acknowledge a commit before it is on disk: a 202 would
 * then not mean "accepted". Asked of the connections the service really uses (its own pool, or the
 * server datasource {@code webhooks.db.jndi-name} names), before the migrations touch anything.
 * <ul>
 * <li>PostgreSQL with {@code synchronous_commit = off}: a crash of the database loses the last
 *     commits. Refused. ({@code fsync = off} only loses data when the machine itself crashes: a warning.)
 * <li>H2 with a {@code WRITE_DELAY} above 0 (possible only through a server datasource: the WAR's own
 *     URL is made durable by {@link DurableUrl}). Refused.
 * </ul>
 */
@ApplicationScoped
public class DurabilityCheck {

    private static final Logger LOG = Logger.getLogger(DurabilityCheck.class.getName());

    void check(@Observes @Priority(Interceptor.Priority.APPLICATION) @Initialized(ApplicationScoped.class) Object started) {
        refusal(Database.dataSource()).ifPresent(refusal -> {
            throw new IllegalStateException(refusal);
        });
    }

    /** Why this database is not durable enough, if it is not. */
    static Optional<String> refusal(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if ("PostgreSQL".equals(product)) return postgres(connection);
            // an H2 in memory keeps nothing across a restart anyway: nothing to refuse there
            if ("H2".equals(product) && DurableUrl.embeddedH2(connection.getMetaData().getURL())) return h2(connection);
            return Optional.empty();
        } catch (SQLException e) {
            // not reachable: the migrations fail next, with the driver's own words
            return Optional.empty();
        }
    }

    private static Optional<String> postgres(Connection connection) throws SQLException {
        if ("off".equals(value(connection, "SHOW fsync"))) {
            LOG.warning("PostgreSQL runs with fsync = off: a crash of the machine (not of the database) may lose accepted events");
        }
        if (!"off".equals(value(connection, "SHOW synchronous_commit"))) return Optional.empty();
        return Optional.of("PostgreSQL answers commits before they are on disk (synchronous_commit = off), so a crash of the"
                + " database would lose events already answered 202. Turn it on for the service's user:"
                + " ALTER ROLE <user> SET synchronous_commit = on (or in postgresql.conf, or add"
                + " options=-c%20synchronous_commit%3Don to webhooks.db.url).");
    }

    private static Optional<String> h2(Connection connection) throws SQLException {
        String delay = value(connection, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
        if (delay == null || delay.equals("0")) return Optional.empty();
        return Optional.of("The H2 database keeps commits in memory for " + delay + " ms (WRITE_DELAY), so a crash would lose"
                + " events already answered 202. Set WRITE_DELAY=0 in the datasource's URL.");
    }

    private static String value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
