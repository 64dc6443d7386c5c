package io.damwebhooks.platform.control;

import java.util.Map;
import org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl;

/**
 * Gives Hibernate the datasource {@link Database} chooses at run time. The {@code jta-data-source} of
 * {@code persistence.xml} is fixed when the WAR is built; this provider lets {@code webhooks.db.jndi-name}
 * point the persistence unit at a server datasource without rebuilding the WAR.
 */
public class ConfiguredConnections extends DatasourceConnectionProviderImpl {

    @Override
    public void configure(Map<String, Object> settings) {
        // the server's own name, a global one, can be looked up while the unit deploys; the WAR's
        // java:app name cannot be, but the server hands that one over in the settings already
        Database.configuredJndiName().ifPresent(name -> setDataSource(Database.lookup(name)));
        super.configure(settings);
    }
}
