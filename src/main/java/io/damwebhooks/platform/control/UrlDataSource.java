package io.damwebhooks.platform.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A plain {@link DataSource} over whatever JDBC driver {@code webhooks.db.url} names, so one key chooses
 * between H2 and PostgreSQL. The server pools it (see {@link Database}). It reads MicroProfile Config
 * itself when a connection is opened: when the server processes the datasource annotation, the WAR's
 * own configuration defaults are not visible yet.
 */
public class UrlDataSource implements DataSource {

    /** The drivers the WAR knows by name; both come with the WAR (Payara's own H2 is the same version). */
    private static final List<String> KNOWN_DRIVERS = List.of("org.h2.Driver", "org.postgresql.Driver");

    private int loginTimeout;

    /**
     * Where in MicroProfile Config the URL and credentials are: {@code <prefix>.url}, {@code .user},
     * {@code .password}. A bean property also because WildFly refuses a datasource class given without
     * one connection property, and sets each one it knows through its setter.
     */
    private String configPrefix = "webhooks.db";

    public String getConfigPrefix() { return configPrefix; }
    public void setConfigPrefix(String configPrefix) { this.configPrefix = configPrefix; }

    @Override
    public Connection getConnection() throws SQLException {
        Config config = config();
        return getConnection(config.getOptionalValue(configPrefix + ".user", String.class).orElse(null),
                config.getOptionalValue(configPrefix + ".password", String.class).orElse(null));
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        String url = DurableUrl.of(config().getValue(configPrefix + ".url", String.class));
        Properties properties = new Properties();
        if (user != null && !user.isBlank()) {
            properties.setProperty("user", user);
            properties.setProperty("password", password == null ? "" : password);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            // a batch of inserts (the intake's deliveries, the outcome's attempts) as multi-row INSERTs: one
            // statement per batch instead of one per row; a parameter in the URL still overrides this
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        Connection connection = driverFor(url).connect(url, properties);
        if (connection == null) throw new SQLException("The JDBC driver refused webhooks.db.url");
        return connection;
    }

    /**
     * The application's configuration. On Open Liberty this class is loaded from a server library, whose
     * configuration lacks the WAR's defaults: then it is the one of the application thread that asks
     * for a connection. Everywhere else both are the same.
     */
    private Config config() {
        Config own = ConfigProvider.getConfig(UrlDataSource.class.getClassLoader());
        if (own.getOptionalValue(configPrefix + ".url", String.class).isPresent()) return own;
        ClassLoader caller = Thread.currentThread().getContextClassLoader();
        return caller == null ? own : ConfigProvider.getConfig(caller);
    }

    /**
     * The driver is asked directly rather than through DriverManager: a server's DriverManager does
     * not see drivers it did not load, nor drivers in an application.
     */
    private static Driver driverFor(String url) throws SQLException {
        ClassLoader loader = UrlDataSource.class.getClassLoader(); // on Liberty, the library with the drivers
        for (String name : KNOWN_DRIVERS) {
            try {
                Driver driver = (Driver) Class.forName(name, true, loader).getDeclaredConstructor().newInstance();
                if (driver.acceptsURL(url)) return driver;
            } catch (ReflectiveOperationException absent) {
                // not on this server
            }
        }
        for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
            if (driver.acceptsURL(url)) return driver;
        }
        throw new SQLException("No JDBC driver accepts webhooks.db.url (H2 and PostgreSQL are built in)");
    }

    @Override public PrintWriter getLogWriter() { return null; }
    @Override public void setLogWriter(PrintWriter out) { }
    @Override public void setLoginTimeout(int seconds) { loginTimeout = seconds; }
    @Override public int getLoginTimeout() { return loginTimeout; }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
    @Override public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) return type.cast(this);
        throw new SQLException("not a wrapper for " + type);
    }
    @Override public boolean isWrapperFor(Class<?> type) { return type.isInstance(this); }
}
