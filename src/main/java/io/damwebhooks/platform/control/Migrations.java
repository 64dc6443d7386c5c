package io.damwebhooks.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings the schema up to date when the application starts, before any request is served. One set of
 * scripts ({@code db/migration}) serves H2 and PostgreSQL, so they stick to SQL both understand.
 */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    void migrate(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        Flyway flyway = configuration(Database.dataSource()).load();
        int applied = flyway.migrate().migrationsExecuted;
        LOG.info(() -> "Schema at version " + flyway.info().current().getVersion() + " (" + applied + " migrations applied now)");
    }

    /** The scripts, the Java migrations and the history table, as every start (and the upgrade tests) use them. */
    public static FluentConfiguration configuration(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                // each folder holds an empty flyway.location: Liberty's class loader finds folders only by a file
                .locations("classpath:db/migration")
                .callbackLocations("classpath:db/callback")
                .javaMigrations(new AssetUuidBackfill())
                .table("webhooks_schema_history")
                // the DAM's own database may already hold tables of its own
                .baselineOnMigrate(true)
                .baselineVersion("0");
    }
}
