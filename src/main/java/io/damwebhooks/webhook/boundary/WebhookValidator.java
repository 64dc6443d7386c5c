package io.damwebhooks.webhook.boundary;

import io.damwebhooks.api.EventType;
import io.damwebhooks.platform.control.FieldError;
import io.damwebhooks.platform.control.InvalidInput;
import io.damwebhooks.webhook.control.Target;
import io.damwebhooks.webhook.control.TargetRules;
import io.damwebhooks.webhook.entity.Header;
import io.damwebhooks.webhook.entity.PayloadField;
import io.damwebhooks.webhook.entity.Trigger;
import io.damwebhooks.webhook.entity.Webhook;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Checks a webhook document against every rule and, when all hold, writes it into the entity. All
 * broken rules are reported at once, each naming its field, so a form can show them beside the inputs.
 */
public class WebhookValidator {

    public static final int MAX_HEADERS = HeadersValidator.MAX_HEADERS;

    private final TargetRules targets;
    private final AuthValidator auth;

    public WebhookValidator(TargetRules targets) {
        this.targets = targets;
        this.auth = new AuthValidator(targets);
    }

    public void apply(WebhookJson json, Webhook webhook) {
        List<FieldError> errors = new ArrayList<>();
        String name = json.name == null ? null : json.name.trim();
        if (name == null || name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "is required, at most 200 characters"));
        }
        Target target = target(json, errors);
        // a new webhook has nothing stored; an invalid target is refused anyway
        boolean sameTarget = webhook.hostname == null || target == null || target.hostname() == null
                || target.sameOrigin(webhook.scheme, webhook.hostname);
        KeptSecrets kept = new KeptSecrets(sameTarget);
        List<Header> headers = HeadersValidator.check(json.headers, webhook.headers, kept, errors);
        List<Trigger> triggers = triggers(json.triggers, errors);
        List<String> fields = fields(json.fields, webhook.fields, errors);
        var checkedAuth = auth.check(json.auth, webhook.auth, kept, errors);
        String ordering = ordering(json.ordering, webhook.ordering, errors);
        Integer perSecond = perSecond(json.rateLimit, errors);
        if (!errors.isEmpty()) throw new InvalidInput(errors);

        webhook.name = name;
        if (json.active != null) webhook.active = json.active;
        if (webhook.active) webhook.disabledReason = null;
        webhook.scheme = target.scheme();
        webhook.hostname = target.hostname();
        webhook.path = target.path();
        webhook.headers = headers;
        webhook.triggers = triggers;
        webhook.fields = fields;
        webhook.auth = checkedAuth;
        webhook.ordering = ordering;
        webhook.ratePerSecond = perSecond;
    }

    /** Absent keeps what is stored (a new webhook: {@code none}), like {@code fields}. */
    private static String ordering(String given, String current, List<FieldError> errors) {
        if (given == null) return current;
        if (!Webhook.ORDERING_NONE.equals(given) && !Webhook.ORDERING_PER_ASSET.equals(given)) {
            errors.add(new FieldError("ordering", "must be none or per-asset"));
        }
        return given;
    }

    /** Absent or null: no limit (a PUT of a GET's document, which leaves a null out, keeps none). */
    private static Integer perSecond(RateLimitJson given, List<FieldError> errors) {
        if (given == null) return null;
        if (given.perSecond == null || given.perSecond < 1 || given.perSecond > RateLimitJson.MAX) {
            errors.add(new FieldError("rateLimit.perSecond", "must be a whole number from 1 to " + RateLimitJson.MAX));
            return null;
        }
        return given.perSecond.intValue();
    }

    private Target target(WebhookJson json, List<FieldError> errors) {
        boolean split = json.hostname != null || json.path != null;
        // a GET's document carries both: the parts win, the url is read-only then
        boolean parts = split || json.url == null;
        Target given = parts ? new Target(json.scheme, json.hostname, json.path) : targets.parse("url", json.url, errors);
        // an error names the field the client sent: hostname, path, scheme, or url
        return given == null ? null : targets.check(parts ? "" : "url", given, errors);
    }

    private static List<Trigger> triggers(List<Trigger> given, List<FieldError> errors) {
        if (given == null || given.isEmpty()) {
            errors.add(new FieldError("triggers", "at least one trigger is required"));
            return given;
        }
        for (int i = 0; i < given.size(); i++) {
            Trigger trigger = given.get(i);
            String field = "triggers[" + i + "]";
            var type = trigger == null ? null : EventType.fromWireName(trigger.event()).orElse(null);
            if (type == null) {
                errors.add(new FieldError(field + ".event", "must be one of the asset.* events"));
            } else if (type != EventType.METADATA_CHANGED && (trigger.field() != null || trigger.value() != null)) {
                errors.add(new FieldError(field + ".field", "field and value apply to asset.metadata_changed only"));
            } else if (trigger.field() != null && trigger.field().isBlank()) {
                errors.add(new FieldError(field + ".field", "must not be blank; leave it out for any field"));
            }
        }
        return List.copyOf(new LinkedHashSet<>(given));
    }

    private static List<String> fields(List<String> given, List<String> current, List<FieldError> errors) {
        if (given == null) return current;
        for (int i = 0; i < given.size(); i++) {
            if (PayloadField.fromSelector(given.get(i)).isEmpty()) {
                errors.add(new FieldError("fields[" + i + "]", "is not a known field (file.*, video.*, image.*, meta.*)"));
            }
        }
        return List.copyOf(new LinkedHashSet<>(given));
    }
}
