package io.damwebhooks.platform.control;

import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.hibernate.engine.transaction.jta.platform.internal.JBossAppServerJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.internal.WebSphereLibertyJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatformResolver;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Chooses Hibernate's own JTA platform for the server the WAR runs on, at deployment rather than in
 * {@code persistence.xml}: the transaction manager is the one thing Jakarta EE gives no standard
 * name, and Hibernate's built-in guess knows none of Payara, WildFly (with the WAR's own Hibernate)
 * or Open Liberty. This class is the only place that names the servers.
 */
public class ServerJtaPlatforms implements JtaPlatformResolver {

    @Override
    @SuppressWarnings("rawtypes") // the interface takes a raw Map
    public JtaPlatform resolveJtaPlatform(Map settings, ServiceRegistryImplementor registry) {
        if (bound("java:appserver/TransactionManager")) return new SunOneJtaPlatform(); // Payara, GlassFish
        if (bound("java:jboss/TransactionManager")) return new JBossAppServerJtaPlatform(); // WildFly, JBoss EAP
        if (present("com.ibm.tx.jta.TransactionManagerFactory")) return new WebSphereLibertyJtaPlatform();
        throw new IllegalStateException("Unknown application server: no JTA transaction manager found under "
                + "java:appserver/TransactionManager, java:jboss/TransactionManager, or Liberty's factory");
    }

    private static boolean bound(String name) {
        try {
            return new InitialContext().lookup(name) != null;
        } catch (NamingException absent) {
            return false;
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
