package com.example.dam.webhooks;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The DAM's settings for the embedded DAM Webhooks. Not in a {@code META-INF/microprofile-config.properties}:
 * that path belongs to the service's defaults in the overlay, and a file of the DAM's there would
 * replace them all. Ordinal 100, like such a file: above the service's defaults (50), below the
 * server's system properties and environment variables, which still override these per deployment.
 */
public class WebhooksSettings implements ConfigSource {

    private static final Map<String, String> SETTINGS = Map.of(
            // the outbox lives in the DAM's own database: deliveries commit on the DAM's connection, no XA
            "webhooks.db.jndi-name", "jdbc/dam",
            // the DAM's users (security.DamUsers) log in to the webhook API and console; no built-in admin
            "webhooks.security.built-in-users", "false");

    @Override
    public Map<String, String> getProperties() {
        return SETTINGS;
    }

    @Override
    public Set<String> getPropertyNames() {
        return SETTINGS.keySet();
    }

    @Override
    public String getValue(String key) {
        return SETTINGS.get(key);
    }

    @Override
    public String getName() {
        return "dam-webhooks-settings";
    }

    @Override
    public int getOrdinal() {
        return 100;
    }
}
