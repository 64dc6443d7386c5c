package io.damwebhooks.webhook.boundary;

import io.damwebhooks.webhook.entity.Trigger;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * A webhook as the API reads and writes it. What a GET returns can be PUT back unchanged: read-only
 * properties are accepted and ignored; write-only secrets ({@code auth.password}, {@code auth.token}, a
 * secret header's value) are never returned, and left out they keep their stored value (while the target
 * stays the same).
 */
@JsonbPropertyOrder({"id", "name", "active", "scheme", "hostname", "path", "url", "auth", "headers", "triggers",
        "fields", "ordering", "rateLimit", "disabledReason", "signingSecret", "createdAt", "updatedAt", "version"})
public class WebhookJson {

    public String id;
    public String name;
    public Boolean active;
    public String scheme;
    public String hostname;
    public String path;
    public String url;
    public AuthJson auth;
    public List<HeaderJson> headers;
    public List<Trigger> triggers;
    public List<String> fields;
    public String ordering;
    public RateLimitJson rateLimit;
    public String disabledReason;
    public String signingSecret;
    public Instant createdAt;
    public Instant updatedAt;
    public Long version;

    public static WebhookJson of(Webhook webhook) {
        WebhookJson json = new WebhookJson();
        json.id = webhook.id;
        json.name = webhook.name;
        json.active = webhook.active;
        json.scheme = webhook.scheme;
        json.hostname = webhook.hostname;
        json.path = webhook.path;
        json.url = webhook.url();
        json.auth = AuthJson.of(webhook.auth);
        json.headers = webhook.headers.stream().map(HeaderJson::of).toList();
        json.triggers = webhook.triggers;
        json.fields = webhook.fields;
        json.ordering = webhook.ordering;
        json.rateLimit = RateLimitJson.of(webhook.ratePerSecond);
        json.disabledReason = webhook.disabledReason;
        json.createdAt = webhook.createdAt;
        json.updatedAt = webhook.updatedAt;
        json.version = webhook.version;
        return json;
    }
}
