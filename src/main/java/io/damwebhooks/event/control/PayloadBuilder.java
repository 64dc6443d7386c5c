package io.damwebhooks.event.control;

import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.webhook.entity.PayloadField;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bodies of one event, in the contract's envelope:
 * {@code {"type", "timestamp", "data": {"eventId", "webhook": {"id", "name"}, "asset", "changes"}}}.
 * <p>
 * Only {@code data.webhook} differs from webhook to webhook, and {@code data.asset} from one field
 * selection to another. So the envelope's head is serialised once per event, the asset and changes
 * once per distinct selection (metadata can be large), and each body is those parts spliced around
 * the webhook's own small object. What is built here is stored as is, signed and sent.
 */
public final class PayloadBuilder {

    /** Looked up once: {@code Json.createValue} would look the provider up on every call. */
    private static final JsonProvider JSON_P = JsonProvider.provider();

    private final AssetEvent event;
    private final String head;
    private final Map<Set<PayloadField>, String> bodies = new HashMap<>();

    private PayloadBuilder(AssetEvent event, String eventId) {
        this.event = event;
        this.head = "{\"type\":" + quoted(event.type().wireName())
                + ",\"timestamp\":" + quoted(event.occurredAt().truncatedTo(ChronoUnit.MILLIS).toString())
                + ",\"data\":{\"eventId\":" + quoted(eventId)
                + ",\"webhook\":";
    }

    /** A builder for the bodies of this event: use it for all webhooks the event triggers. */
    public static PayloadBuilder of(AssetEvent event, String eventId) {
        return new PayloadBuilder(event, eventId);
    }

    /** The body for one webhook, given its id, name and selected fields ({@code file.name}, …). */
    public String body(String webhookId, String webhookName, List<String> fields) {
        Set<PayloadField> selection = PayloadFields.applicable(fields, event.asset());
        // {"asset":…,"changes":…}: its opening brace dropped, it closes "data" after "webhook"
        String rest = bodies.computeIfAbsent(selection, this::serialise);
        String webhook = "{\"id\":" + quoted(webhookId) + ",\"name\":" + quoted(webhookName) + "}";
        return new StringBuilder(head.length() + webhook.length() + rest.length() + 1)
                .append(head).append(webhook).append(',').append(rest, 1, rest.length()).append('}')
                .toString();
    }

    /** The asset and changes for one selection, through a plain JSON-P generator (JSON-B's layers cost more than the writing). */
    private String serialise(Set<PayloadField> selection) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator out = JSON_P.createGenerator(text)) {
            PayloadBody.Writer.write(new PayloadBody(event, selection), out);
        }
        return text.toString();
    }

    /**
     * A JSON string literal, escaped by JSON-P: for the few plain strings of the envelope, a full JSON-B
     * serialisation (a writer, a generator, a context) would cost more than the whole asset part.
     */
    private static String quoted(String value) {
        return value == null ? "null" : JSON_P.createValue(value).toString();
    }

    /** How many distinct asset parts were serialised so far: one per distinct applicable selection. */
    int serialisedSelections() {
        return bodies.size();
    }

}
