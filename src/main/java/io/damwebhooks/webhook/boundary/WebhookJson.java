package io.damwebhooks.webhook.boundary;

import io.damwebhooks.webhook.entity.Header;
import io.damwebhooks.webhook.entity.Trigger;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A webhook as the API reads and writes it. What a GET returns can be PUT back unchanged: read-only
 * properties are accepted and ignored; write-only secrets ({@code auth.password}, {@code auth.token})
 * are never returned, and left out they keep their stored value.
 */
@Schema(name = "Webhook")
@JsonbPropertyOrder({"id", "name", "active", "scheme", "hostname", "path", "url", "auth", "headers", "triggers",
        "fields", "ordering", "rateLimit", "disabledReason", "signingSecret", "createdAt", "updatedAt", "version"})
public class WebhookJson {

    @Schema(readOnly = true)
    public String id;
    public String name;
    @Schema(description = "Whether deliveries are made; defaults to true")
    public Boolean active;
    @Schema(description = "https (default), or http when webhooks.delivery.allow-http is set")
    public String scheme;
    @Schema(description = "DNS name or IP address of the receiver, optionally with :port", example = "pim.example.com")
    public String hostname;
    @Schema(example = "/hooks/dam")
    public String path;
    @Schema(description = "scheme://hostname/path; may be sent instead of hostname and path")
    public String url;
    public AuthJson auth;
    @Schema(description = "At most 10 extra headers sent with every delivery")
    public List<Header> headers;
    public List<Trigger> triggers;
    @Schema(description = "The asset details the body carries, e.g. file.name, image.width, meta.custom")
    public List<String> fields;
    @Schema(enumeration = {"none", "per-asset"}, description = "per-asset: one asset's deliveries one at a time,"
            + " in the order the events were accepted; absent on create: none, on update: unchanged")
    public String ordering;
    @Schema(description = "At most so many attempts per second; null or absent: no limit")
    public RateLimitJson rateLimit;
    @Schema(readOnly = true, description = "Why the service deactivated the webhook, when it did")
    public String disabledReason;
    @Schema(readOnly = true, description = "Only in the answer to a creation; afterwards through /secret")
    public String signingSecret;
    @Schema(readOnly = true)
    public Instant createdAt;
    @Schema(readOnly = true)
    public Instant updatedAt;
    @Schema(description = "Optimistic lock: a PUT with a stale version is refused with 409")
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
        json.headers = webhook.headers;
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
