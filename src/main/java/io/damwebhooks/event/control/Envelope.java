package io.damwebhooks.event.control;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

/**
 * The contract's envelope of one body, without the asset and changes:
 * {@code {"type", "timestamp", "data": {"eventId", "webhook": {"id", "name"}}}}, keys in that order,
 * written by JSON-B through its {@link Serializer}. {@link PayloadBuilder} adds {@code data}'s other
 * members, written once per field selection. Like {@link PayloadBody}, a class with no property for
 * JSON-B to inspect on every call.
 */
public final class Envelope {

    private final String type;
    private final String timestamp;
    private final String eventId;
    private final String webhookId;
    private final String webhookName;

    Envelope(String type, String timestamp, String eventId, String webhookId, String webhookName) {
        this.type = type;
        this.timestamp = timestamp;
        this.eventId = eventId;
        this.webhookId = webhookId;
        this.webhookName = webhookName;
    }

    public static final class Serializer implements JsonbSerializer<Envelope> {
        @Override
        public void serialize(Envelope envelope, JsonGenerator out, SerializationContext context) {
            out.writeStartObject();
            write(out, "type", envelope.type);
            write(out, "timestamp", envelope.timestamp);
            out.writeStartObject("data");
            write(out, "eventId", envelope.eventId);
            out.writeStartObject("webhook");
            write(out, "id", envelope.webhookId);
            write(out, "name", envelope.webhookName);
            out.writeEnd();
            out.writeEnd();
            out.writeEnd();
        }

        private static void write(JsonGenerator out, String key, String value) {
            if (value == null) out.writeNull(key);
            else out.write(key, value);
        }
    }
}
