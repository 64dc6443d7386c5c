package io.damwebhooks.event.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;

/**
 * The event-type catalog ({@code GET /api/event-types}): per type a description and the JSON Schema
 * (draft 2020-12) of the body a receiver gets with every field selected. The asset's schema and each
 * type's {@code changes} live in {@code event-types.json} beside this class; the envelope around them is
 * built here once, so that each type's schema stands alone (a receiver copies one, not a bundle).
 */
@ApplicationScoped
public class EventTypes {

    static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

    private final JsonArray catalog = build(read());

    public JsonArray catalog() {
        return catalog;
    }

    static JsonArray build(JsonObject source) {
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (JsonObject type : source.getJsonArray("types").getValuesAs(JsonObject.class)) {
            entries.add(Json.createObjectBuilder()
                    .add("type", type.getString("type"))
                    .add("label", type.getString("label"))
                    .add("description", type.getString("description"))
                    .add("schema", schema(type, source.getJsonObject("asset"))));
        }
        return entries.build();
    }

    private static JsonObject schema(JsonObject type, JsonObject asset) {
        String name = type.getString("type");
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("eventId", Json.createObjectBuilder().add("type", "string")
                        .add("description", "The event's id: the DAM's idempotency key, or the evt_… the service gave it"))
                .add("webhook", object(Json.createObjectBuilder()
                        .add("id", Json.createObjectBuilder().add("type", "string"))
                        .add("name", Json.createObjectBuilder().add("type", "string")), "id", "name"));
        boolean assetEvent = name.startsWith("asset.");
        if (assetEvent) data.add("asset", asset);
        JsonObject changes = changes(type);
        if (changes != null) data.add("changes", changes);
        return Json.createObjectBuilder()
                .add("$schema", DRAFT)
                .add("title", name)
                .add("description", type.getString("description"))
                .add("type", "object")
                .add("properties", Json.createObjectBuilder()
                        .add("type", Json.createObjectBuilder().add("const", name))
                        .add("timestamp", Json.createObjectBuilder().add("type", "string").add("format", "date-time")
                                .add("description", "When the event occurred"))
                        .add("data", assetEvent ? object(data, "eventId", "webhook", "asset") : object(data, "eventId", "webhook")))
                .add("required", Json.createArrayBuilder().add("type").add("timestamp").add("data"))
                .add("additionalProperties", false)
                .build();
    }

    /** {@code {"<key>": {"old", "new"}}}, or for metadata and info {@code {"<key>": {"<field>": {"old", "new"}, …}}}. */
    private static JsonObject changes(JsonObject type) {
        if (type.containsKey("fieldChanges")) {
            JsonObject anyChange = oldNew(Json.createObjectBuilder().build());
            return object(Json.createObjectBuilder().add(type.getString("fieldChanges"),
                    Json.createObjectBuilder().add("type", "object").add("additionalProperties", anyChange)),
                    type.getString("fieldChanges"));
        }
        if (!type.containsKey("changes")) return null;
        var change = type.getJsonObject("changes").entrySet().iterator().next();
        return object(Json.createObjectBuilder().add(change.getKey(), oldNew(change.getValue().asJsonObject())), change.getKey());
    }

    private static JsonObject oldNew(JsonObject value) {
        return object(Json.createObjectBuilder().add("old", value).add("new", value), "old", "new");
    }

    private static JsonObject object(JsonObjectBuilder properties, String... required) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        for (String name : required) names.add(name);
        return Json.createObjectBuilder().add("type", "object").add("properties", properties)
                .add("required", names).add("additionalProperties", false).build();
    }

    private static JsonObject read() {
        try (InputStream in = EventTypes.class.getResourceAsStream("event-types.json"); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
