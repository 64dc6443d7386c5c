package io.damwebhooks.delivery.lease;

import io.damwebhooks.platform.control.Database;
import io.damwebhooks.platform.control.DurableUrl;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * At start, takes back the leases a previous run left behind, so that what it was sending when it died
 * goes out at once instead of when the leases run out ({@code webhooks.delivery.lease}). On the WAR's
 * own H2 file only one process can have the database open, so every lease is a dead process's: all are
 * released. Elsewhere (PostgreSQL, H2 shared through {@code AUTO_SERVER} or a TCP server, a server
 * datasource) other instances may be alive and sending: only this instance's own leases
 * ({@link InstanceId}) are released; the others' run out as before.
 */
@ApplicationScoped
public class LeaseRecovery {

    private static final Logger LOG = Logger.getLogger(LeaseRecovery.class.getName());

    static final String ALL = "UPDATE delivery SET lease_until = NULL, leased_by = NULL"
            + " WHERE status = 'pending' AND lease_until IS NOT NULL";
    static final String OWN = ALL + " AND leased_by = ?";

    /** Releases the leases a previous run of {@code instance} (or, on an H2 file, any run) left; answers how many. */
    public int release(String instance) throws SQLException {
        try (Connection connection = Database.dataSource().getConnection()) {
            boolean all = soleUser(ownUrl());
            int released = release(connection, all ? null : instance);
            LOG.info(() -> "Released " + released + " leases left by " + (all ? "a previous run" : "a previous run of " + instance)
                    + ": what was in flight then is sent again now");
            return released;
        }
    }

    /** Releases {@code instance}'s leases, or every lease when it is null. */
    static int release(Connection connection, String instance) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(instance == null ? ALL : OWN)) {
            if (instance != null) update.setString(1, instance);
            int released = update.executeUpdate();
            if (!connection.getAutoCommit()) connection.commit();
            return released;
        }
    }

    /**
     * The URL of the WAR's own datasource; null for a server datasource ({@code webhooks.db.jndi-name}),
     * which may be shared. (A connection's metadata would not do: H2 leaves the settings out of it.)
     */
    private static String ownUrl() {
        if (Database.configuredJndiName().isPresent()) return null;
        return ConfigProvider.getConfig(LeaseRecovery.class.getClassLoader()).getOptionalValue("webhooks.db.url", String.class).orElse(null);
    }

    /** Whether no other process can be using this database now: an H2 file opened by this process alone. */
    static boolean soleUser(String url) {
        return url != null && DurableUrl.embeddedH2(url)
                && !url.toUpperCase(Locale.ROOT).replace(" ", "").contains("AUTO_SERVER=TRUE");
    }
}
