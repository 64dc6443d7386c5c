package io.damwebhooks.event.control;

import io.damwebhooks.api.Change;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the values a DAM puts in metadata and changes straight to the generator: the common types
 * without JSON-B's per-value type lookup (bodies are built on the DAM's transaction), anything else
 * through JSON-B. A {@link Change} is {@code {"old": …, "new": …}}, nulls inside kept.
 */
final class JsonValues {

    private JsonValues() { }

    static void write(JsonGenerator out, Object value, SerializationContext context) {
        if (value == null) out.writeNull();
        else if (value instanceof String s) out.write(s);
        else if (value instanceof Boolean b) out.write(b);
        else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.write(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) out.write(d);
        else if (value instanceof BigInteger i) out.write(i);
        else if (value instanceof Double || value instanceof Float) writeFloating(out, ((Number) value).doubleValue());
        else if (value instanceof Map<?, ?> map) writeObject(out, map, context);
        else if (value instanceof Iterable<?> list) writeArray(out, list, context);
        else if (value instanceof Object[] array) writeArray(out, java.util.Arrays.asList(array), context);
        else if (value instanceof Change<?> change) writeChange(out, change, context);
        else if (value instanceof JsonValue json) out.write(json);
        else if (value instanceof TemporalAccessor || value instanceof Enum<?> || value instanceof UUID
                || value instanceof CharSequence) {
            out.write(value.toString());
        } else context.serialize(value, out);
    }

    static void writeObject(JsonGenerator out, Map<?, ?> map, SerializationContext context) {
        out.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.writeKey(String.valueOf(entry.getKey()));
            write(out, entry.getValue(), context);
        }
        out.writeEnd();
    }

    private static void writeArray(JsonGenerator out, Iterable<?> values, SerializationContext context) {
        out.writeStartArray();
        for (Object value : values) write(out, value, context);
        out.writeEnd();
    }

    private static void writeChange(JsonGenerator out, Change<?> change, SerializationContext context) {
        out.writeStartObject();
        out.writeKey("old");
        write(out, change.oldValue(), context);
        out.writeKey("new");
        write(out, change.newValue(), context);
        out.writeEnd();
    }

    // JSON has no NaN or infinity: such a value is written as null rather than as invalid JSON
    private static void writeFloating(JsonGenerator out, double value) {
        if (Double.isFinite(value)) out.write(value);
        else out.writeNull();
    }
}
