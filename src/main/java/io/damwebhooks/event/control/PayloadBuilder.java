package io.damwebhooks.event.control;

import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.webhook.entity.PayloadField;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bodies of one event, in the contract's envelope:
 * {@code {"type", "timestamp", "data": {"eventId", "webhook": {"id", "name"}, "asset", "changes"}}},
 * written by JSON-B ({@link PayloadJson}).
 * <p>
 * Only {@code data.webhook} differs from webhook to webhook, and {@code data.asset} from one field
 * selection to another. So the asset and changes are serialised once per distinct selection (metadata
 * can be large), the small envelope once per webhook, and each body is the two spliced together. What
 * is built here is stored as is, signed and sent.
 */
public final class PayloadBuilder {

    private final AssetEvent event;
    private final String eventId;
    private final String timestamp;
    private final Map<Set<PayloadField>, String> bodies = new HashMap<>();

    private PayloadBuilder(AssetEvent event, String eventId) {
        this.event = event;
        this.eventId = eventId;
        this.timestamp = event.occurredAt().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** A builder for the bodies of this event: use it for all webhooks the event triggers. */
    public static PayloadBuilder of(AssetEvent event, String eventId) {
        return new PayloadBuilder(event, eventId);
    }

    /** The body for one webhook, given its id, name and selected fields ({@code file.name}, …). */
    public String body(String webhookId, String webhookName, List<String> fields) {
        Set<PayloadField> selection = PayloadFields.applicable(fields, event.asset());
        String rest = bodies.computeIfAbsent(selection, s -> PayloadJson.JSONB.toJson(new PayloadBody(event, s)));
        String envelope = PayloadJson.JSONB.toJson(new Envelope(event.type().wireName(), timestamp, eventId, webhookId, webhookName));
        // {…,"data":{"eventId":…,"webhook":{…}}} and {"asset":…,"changes":…}: the envelope's "data" and
        // root left open, the members of the second close "data"
        return new StringBuilder(envelope.length() + rest.length())
                .append(envelope, 0, envelope.length() - 2).append(',').append(rest, 1, rest.length()).append('}')
                .toString();
    }

    /** How many distinct asset parts were serialised so far: one per distinct applicable selection. */
    int serialisedSelections() {
        return bodies.size();
    }
}
