package io.damwebhooks.event.boundary;

import io.damwebhooks.api.Asset;
import io.damwebhooks.api.AssetDeleted;
import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.api.AssetMoved;
import io.damwebhooks.api.AssetRenamed;
import io.damwebhooks.api.AssetUploaded;
import io.damwebhooks.api.Change;
import io.damwebhooks.api.EventType;
import io.damwebhooks.api.InfoChanged;
import io.damwebhooks.api.LabelsChanged;
import io.damwebhooks.api.Metadata;
import io.damwebhooks.api.MetadataChanged;
import io.damwebhooks.api.TagsChanged;
import io.damwebhooks.platform.control.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An event as {@code POST /events} takes it, read into the same API types the DAM fires in-process:
 * {@code {"id"?, "type", "occurredAt"?, "asset": {…}, "changes"?}}. Everything wrong is answered at
 * once, as a 400 naming each field.
 */
final class EventDocument {

    static final int MAX_ID_LENGTH = 200;
    private static final Set<String> TOP = Set.of("id", "type", "occurredAt", "asset", "changes");
    private static final Set<String> ASSET = Set.of("uuid", "name", "size", "path", "mimeType", "cdnLink",
            "width", "height", "length", "bitrate", "playlistUrl", "meta");
    private static final Set<String> META = Set.of("system", "custom", "embedded");
    private static final Set<String> OLD_NEW = Set.of("old", "new");
    private static final String TYPES = Arrays.stream(EventType.values()).map(EventType::wireName)
            .collect(Collectors.joining(", "));

    // looked up once: Json.createReader finds the provider through the ServiceLoader on every call
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final JsonFields json = new JsonFields();

    private EventDocument() { }

    static AssetEvent parse(byte[] body) {
        return new EventDocument().read(object(body));
    }

    private static JsonObject object(byte[] body) {
        if (Nesting.deeperThan(body, Nesting.MAX_DEPTH)) {
            throw new InvalidInput("body", "nests arrays and objects deeper than " + Nesting.MAX_DEPTH + " levels");
        }
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) return object;
            throw new InvalidInput("body", "must be a JSON object");
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw new InvalidInput("body", at == null ? "is not well-formed JSON"
                    : "is not well-formed JSON (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")");
        } catch (JsonException e) {
            throw new InvalidInput("body", "is not well-formed JSON");
        }
    }

    private AssetEvent read(JsonObject document) {
        json.onlyKnown(document, "", TOP);
        String id = json.string(document, "", "id");
        if (id != null && (id.isBlank() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl))) {
            json.error("id", "must have 1 to " + MAX_ID_LENGTH + " characters and no control characters");
            id = null;
        }
        EventType type = type(json.string(document, "", "type"), document.get("type"));
        Instant occurredAt = instant(json.string(document, "", "occurredAt"));
        Asset asset = asset(document);
        JsonObject changes = json.object(document, "", "changes");
        AssetEvent event = type == null || asset == null ? null : event(type, id, occurredAt, asset, changes);
        if (!json.errors.isEmpty()) throw new InvalidInput(json.errors);
        return event;
    }

    private EventType type(String name, JsonValue given) {
        if (name == null) {
            // a value of another type was named already
            if (JsonFields.isNull(given)) json.error("type", "required: one of " + TYPES);
            return null;
        }
        return EventType.fromWireName(name).orElseGet(() -> {
            json.error("type", "unknown event type; one of " + TYPES);
            return null;
        });
    }

    private Instant instant(String text) {
        if (text == null) return null;
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            json.error("occurredAt", "must be a date and time with offset, e.g. 2026-11-29T10:00:00Z");
            return null;
        }
    }

    private Asset asset(JsonObject document) {
        if (JsonFields.isNull(document.get("asset"))) {
            json.error("asset", "required");
            return null;
        }
        JsonObject a = json.object(document, "", "asset");
        json.onlyKnown(a, "asset", ASSET);
        String uuid = json.string(a, "asset", "uuid");
        if (uuid != null && uuid.isBlank() || uuid == null && JsonFields.isNull(a.get("uuid"))) {
            json.error("asset.uuid", "required");
        } else if (uuid != null && uuid.length() > MAX_ID_LENGTH) {
            json.error("asset.uuid", "must have at most " + MAX_ID_LENGTH + " characters");
            uuid = null;
        }
        Asset asset = new Asset(uuid == null ? "" : uuid, json.string(a, "asset", "name"),
                json.wholeNumber(a, "asset", "size", Long.MAX_VALUE), json.string(a, "asset", "path"),
                json.string(a, "asset", "mimeType"), json.string(a, "asset", "cdnLink"),
                integer(a, "width"), integer(a, "height"), json.number(a, "asset", "length"),
                json.wholeNumber(a, "asset", "bitrate", Long.MAX_VALUE), json.string(a, "asset", "playlistUrl"),
                metadata(json.object(a, "asset", "meta")));
        return uuid == null || uuid.isBlank() ? null : asset;
    }

    private Integer integer(JsonObject asset, String key) {
        Long value = json.wholeNumber(asset, "asset", key, Integer.MAX_VALUE);
        return value == null ? null : value.intValue();
    }

    private Metadata metadata(JsonObject meta) {
        json.onlyKnown(meta, "asset.meta", META);
        return new Metadata(JsonFields.toJava(json.object(meta, "asset.meta", "system")),
                JsonFields.toJava(json.object(meta, "asset.meta", "custom")),
                JsonFields.toJava(json.object(meta, "asset.meta", "embedded")));
    }

    private AssetEvent event(EventType type, String id, Instant at, Asset asset, JsonObject changes) {
        return switch (type) {
            case UPLOADED -> { noChanges(changes, type); yield new AssetUploaded(id, at, asset); }
            case DELETED -> { noChanges(changes, type); yield new AssetDeleted(id, at, asset); }
            case MOVED -> {
                JsonObject path = oldNew(changes, "path", type);
                yield new AssetMoved(id, at, asset, json.string(path, "changes.path", "old"),
                        json.string(path, "changes.path", "new"));
            }
            case RENAMED -> {
                JsonObject name = oldNew(changes, "name", type);
                yield new AssetRenamed(id, at, asset, json.string(name, "changes.name", "old"),
                        json.string(name, "changes.name", "new"));
            }
            case METADATA_CHANGED -> new MetadataChanged(id, at, asset, fieldChanges(changes, "meta", type));
            case INFO_CHANGED -> new InfoChanged(id, at, asset, fieldChanges(changes, "info", type));
            case TAGS_CHANGED -> {
                JsonObject tags = oldNew(changes, "tags", type);
                yield new TagsChanged(id, at, asset, json.strings(tags, "changes.tags", "old"),
                        json.strings(tags, "changes.tags", "new"));
            }
            case LABELS_CHANGED -> {
                JsonObject labels = oldNew(changes, "labels", type);
                yield new LabelsChanged(id, at, asset, json.strings(labels, "changes.labels", "old"),
                        json.strings(labels, "changes.labels", "new"));
            }
        };
    }

    private void noChanges(JsonObject changes, EventType type) {
        for (String key : changes.keySet()) json.error("changes." + key, type.wireName() + " reports no changes");
    }

    /** {@code changes.<key>} as {@code {"old", "new"}}; nothing else may be in {@code changes}. */
    private JsonObject oldNew(JsonObject changes, String key, EventType type) {
        onlyChange(changes, key, type);
        JsonObject change = json.object(changes, "changes", key);
        json.onlyKnown(change, "changes." + key, OLD_NEW);
        return change;
    }

    /** {@code changes.<key>} as {@code {"<field>": {"old", "new"}, …}} with values of any JSON type. */
    private Map<String, Change<?>> fieldChanges(JsonObject changes, String key, EventType type) {
        onlyChange(changes, key, type);
        Map<String, Change<?>> fields = new LinkedHashMap<>();
        json.object(changes, "changes", key).forEach((field, value) -> {
            String path = "changes." + key + "." + field;
            if (value instanceof JsonObject change) {
                json.onlyKnown(change, path, OLD_NEW);
                fields.put(field, Change.of(javaOf(change.get("old")), javaOf(change.get("new"))));
            } else {
                json.error(path, "must be an object {\"old\", \"new\"}");
            }
        });
        return fields;
    }

    private void onlyChange(JsonObject changes, String key, EventType type) {
        for (String other : changes.keySet()) {
            if (!other.equals(key)) json.error("changes." + other, type.wireName() + " reports changes of " + key + " only");
        }
    }

    private static Object javaOf(JsonValue value) {
        return value == null ? null : JsonFields.toJava(value);
    }
}
