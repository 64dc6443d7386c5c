package io.damwebhooks.platform.control;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Tells Hibernate which database it talks to when the connection cannot say: Open Liberty builds the
 * persistence unit over a stand-in connection ("Generic Component Context DataSource") before the
 * WAR's own datasource exists. Then {@code webhooks.db.url} decides. A connection that names H2 or
 * PostgreSQL is left to Hibernate's own resolution, as on every other server.
 */
public class ConfiguredDialect implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        String product = String.valueOf(info.getDatabaseName());
        if (product.contains("H2") || product.contains("PostgreSQL")) return null;
        String url = ConfigProvider.getConfig(ConfiguredDialect.class.getClassLoader())
                .getOptionalValue("webhooks.db.url", String.class).orElse("");
        if (url.startsWith("jdbc:h2:")) return new H2Dialect();
        if (url.startsWith("jdbc:postgresql:")) return new PostgreSQLDialect();
        return null;
    }
}
