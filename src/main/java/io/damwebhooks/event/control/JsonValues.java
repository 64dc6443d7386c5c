package io.damwebhooks.event.control;

import io.damwebhooks.api.Change;
import jakarta.json.JsonValue;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the values a DAM puts in metadata and changes straight to a JSON-P generator: the common
 * types directly (bodies are built on the DAM's transaction, so they must be quick), anything else
 * through JSON-B's default mapping. A {@link Change} is {@code {"old": …, "new": …}}, nulls inside kept.
 */
final class JsonValues {

    /** For values of other types (a DAM's own classes): JSON-B's default mapping. */
    private static final Jsonb JSONB = JsonbBuilder.create();

    private JsonValues() { }

    private static JsonValue viaJsonb(Object value) {
        return Json.createReader(new StringReader(JSONB.toJson(value))).readValue();
    }

    static void write(JsonGenerator out, Object value) {
        if (value == null) out.writeNull();
        else if (value instanceof String s) out.write(s);
        else if (value instanceof Boolean b) out.write(b);
        else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.write(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) out.write(d);
        else if (value instanceof BigInteger i) out.write(i);
        else if (value instanceof Double || value instanceof Float) writeFloating(out, ((Number) value).doubleValue());
        else if (value instanceof Map<?, ?> map) writeObject(out, map);
        else if (value instanceof Iterable<?> list) writeArray(out, list);
        else if (value instanceof Object[] array) writeArray(out, java.util.Arrays.asList(array));
        else if (value instanceof Change<?> change) writeChange(out, change);
        else if (value instanceof JsonValue json) out.write(json);
        else if (value instanceof TemporalAccessor || value instanceof Enum<?> || value instanceof UUID
                || value instanceof CharSequence) {
            out.write(value.toString());
        } else out.write(viaJsonb(value));
    }

    static void writeObject(JsonGenerator out, Map<?, ?> map) {
        out.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.writeKey(String.valueOf(entry.getKey()));
            write(out, entry.getValue());
        }
        out.writeEnd();
    }

    private static void writeArray(JsonGenerator out, Iterable<?> values) {
        out.writeStartArray();
        for (Object value : values) write(out, value);
        out.writeEnd();
    }

    private static void writeChange(JsonGenerator out, Change<?> change) {
        out.writeStartObject();
        out.writeKey("old");
        write(out, change.oldValue());
        out.writeKey("new");
        write(out, change.newValue());
        out.writeEnd();
    }

    // JSON has no NaN or infinity: such a value is written as null rather than as invalid JSON
    private static void writeFloating(JsonGenerator out, double value) {
        if (Double.isFinite(value)) out.write(value);
        else out.writeNull();
    }
}
