package io.damwebhooks.platform.control;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 6.1: deliveries recorded before V6 get their {@code asset_uuid} from their bodies. A body
 * carries {@code data.asset.uuid} only where its webhook selected {@code file.uuid}, so the uuid found
 * in any body of an event is given to all deliveries of that event. JSON is read here, not in SQL,
 * because H2 and PostgreSQL share one set of scripts and agree on no JSON function. Registered by
 * {@link Migrations} by hand: a class found by scanning would have to be named {@code V6_1__…}.
 */
public class AssetUuidBackfill implements JavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<String, String> uuidPerEvent = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT d.event_id, p.payload FROM delivery d"
                + " JOIN delivery_payload p ON p.delivery_id = d.id WHERE d.event_type <> 'webhook.test'")) {
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (uuidPerEvent.containsKey(rows.getString(1))) continue;
                    String uuid = uuid(rows.getString(2));
                    if (uuid != null) uuidPerEvent.put(rows.getString(1), uuid);
                }
            }
        }
        // by primary key: event_id has no index, and a table of a million rows must not be scanned per event
        try (PreparedStatement select = connection.prepareStatement("SELECT id, event_id FROM delivery");
             PreparedStatement update = connection.prepareStatement("UPDATE delivery SET asset_uuid = ? WHERE id = ?")) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String uuid = uuidPerEvent.get(rows.getString(2));
                    if (uuid == null) continue;
                    update.setString(1, uuid);
                    update.setString(2, rows.getString(1));
                    update.addBatch();
                    if (++pending % BATCH == 0) update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }

    /** {@code data.asset.uuid} of a body, or null when it has none (or is not the JSON we wrote). */
    static String uuid(String payload) {
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            JsonValue uuid = reader.readObject().getValue("/data/asset/uuid");
            return uuid.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) uuid).getString() : null;
        } catch (RuntimeException notThere) {
            return null;
        }
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6.1");
    }

    @Override
    public String getDescription() {
        return "delivery asset uuid from payload";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
