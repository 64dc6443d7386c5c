package io.damwebhooks.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date when the application starts, before any request is served. One set of
 * scripts ({@code db/migration}) serves H2 and PostgreSQL, so they stick to SQL both understand.
 */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    void migrate(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(Database.dataSource())
                // each folder holds an empty flyway.location: Liberty's class loader finds folders only by a file
                .locations("classpath:db/migration")
                .callbackLocations("classpath:db/callback")
                .table("webhooks_schema_history")
                // the DAM's own database may already hold tables of its own
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        LOG.info(() -> "Schema at version " + flyway.info().current().getVersion() + " (" + applied + " migrations applied now)");
    }
}
