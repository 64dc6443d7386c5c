package io.damwebhooks.webhook.entity;

import io.damwebhooks.platform.entity.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A configured receiver: where to POST ({@code scheme://hostname/path}), how to authenticate, which
 * events trigger it and which asset details its body carries.
 */
@Entity
@Table(name = "webhook")
@NamedQuery(name = Webhook.ALL, query = "SELECT w FROM Webhook w ORDER BY w.createdAt, w.id")
@NamedQuery(name = Webhook.COUNT, query = "SELECT COUNT(w) FROM Webhook w")
public class Webhook {

    public static final String ALL = "Webhook.all";
    public static final String COUNT = "Webhook.count";
    public static final String ORDERING_NONE = "none";
    public static final String ORDERING_PER_ASSET = "per-asset";

    @Id
    public String id;

    public String name;
    public boolean active = true;
    public String scheme = "https";
    public String hostname;
    public String path;

    @Embedded
    public Auth auth = new Auth();

    @Convert(converter = HeadersColumn.class)
    public List<Header> headers = new ArrayList<>();

    @Convert(converter = TriggersColumn.class)
    public List<Trigger> triggers = new ArrayList<>();

    @Convert(converter = FieldsColumn.class)
    public List<String> fields = new ArrayList<>(PayloadField.DEFAULT_SELECTION);

    @Embedded
    public SigningSecrets secrets;

    /** {@code none}, or {@code per-asset}: one asset's deliveries one at a time, in acceptance order. */
    public String ordering = ORDERING_NONE;

    /** At most so many attempts per second across all instances; null for no limit. */
    @Column(name = "rate_per_second")
    public Integer ratePerSecond;

    /** Why the service deactivated it (a 410 from the receiver, failing for too long); null otherwise. */
    @Column(name = "disabled_reason")
    public String disabledReason;

    /** Since when every attempt to this webhook has failed; null while it succeeds. For auto-disable. */
    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public static Webhook create(Instant now) {
        Webhook webhook = new Webhook();
        webhook.id = Ids.next("wh");
        webhook.secrets = SigningSecrets.generate();
        webhook.createdAt = now;
        webhook.updatedAt = now;
        return webhook;
    }

    public boolean orderedPerAsset() {
        return ORDERING_PER_ASSET.equals(ordering);
    }

    public String url() {
        return scheme + "://" + hostname + path;
    }
}
