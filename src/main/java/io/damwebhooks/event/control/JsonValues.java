package io.damwebhooks.event.control;

import io.damwebhooks.api.Change;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the values a DAM puts in metadata and changes to JSON-B's generator: the common types
 * directly (bodies are built on the DAM's transaction, so they must be quick), anything else through
 * the serialization context, that is JSON-B's default mapping. A {@link Change} is
 * {@code {"old": …, "new": …}}, nulls inside kept.
 */
final class JsonValues {

    private final JsonGenerator out;
    private final SerializationContext context;

    JsonValues(JsonGenerator out, SerializationContext context) {
        this.out = out;
        this.context = context;
    }

    void write(Object value) {
        if (value == null) out.writeNull();
        else if (value instanceof String s) out.write(s);
        else if (value instanceof Boolean b) out.write(b);
        else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.write(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) out.write(d);
        else if (value instanceof BigInteger i) out.write(i);
        else if (value instanceof Double || value instanceof Float) writeFloating(((Number) value).doubleValue());
        else if (value instanceof Map<?, ?> map) writeObject(map);
        else if (value instanceof Iterable<?> list) writeArray(list);
        else if (value instanceof Object[] array) writeArray(Arrays.asList(array));
        else if (value instanceof Change<?> change) writeChange(change);
        else if (value instanceof JsonValue json) out.write(json);
        else if (value instanceof TemporalAccessor || value instanceof Enum<?> || value instanceof UUID
                || value instanceof CharSequence) {
            out.write(value.toString());
        } else context.serialize(value, out);
    }

    void writeObject(Map<?, ?> map) {
        out.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.writeKey(String.valueOf(entry.getKey()));
            write(entry.getValue());
        }
        out.writeEnd();
    }

    private void writeArray(Iterable<?> values) {
        out.writeStartArray();
        for (Object value : values) write(value);
        out.writeEnd();
    }

    private void writeChange(Change<?> change) {
        out.writeStartObject();
        out.writeKey("old");
        write(change.oldValue());
        out.writeKey("new");
        write(change.newValue());
        out.writeEnd();
    }

    // JSON has no NaN or infinity: such a value is written as null rather than as invalid JSON
    private void writeFloating(double value) {
        if (Double.isFinite(value)) out.write(value);
        else out.writeNull();
    }
}
