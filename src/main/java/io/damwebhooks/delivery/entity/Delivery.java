package io.damwebhooks.delivery.entity;

import io.damwebhooks.platform.entity.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import java.time.Instant;

/**
 * The outbox row: one event for one webhook, with the exact body that is signed and sent. Written in
 * the transaction that accepted the event, so it exists exactly when the event was accepted. Its id is
 * the Standard Webhooks {@code webhook-id}: the same on every attempt and redelivery.
 */
@Entity
@Table(name = "delivery")
@SecondaryTable(name = "delivery_payload", pkJoinColumns = @PrimaryKeyJoinColumn(name = "delivery_id"))
@DynamicUpdate // an update writes the columns that changed, so the body's table is never rewritten
public class Delivery {

    @Id
    public String id;

    @Column(name = "webhook_id")
    public String webhookId;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    /** The asset the event was about; null for {@code webhook.test}. */
    @Column(name = "asset_uuid")
    public String assetUuid;

    /** UTF-8 JSON, exactly as built for this webhook's field selection; written once, in a table of its own. */
    @Column(table = "delivery_payload")
    public String payload;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status = DeliveryStatus.pending;

    @Column(name = "attempt_count")
    public int attemptCount;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "leased_by")
    public String leasedBy;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A new pending delivery, due at once. */
    public static Delivery pending(String webhookId, String eventId, String eventType, String assetUuid, String payload,
                                   Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = Ids.next("msg");
        delivery.webhookId = webhookId;
        delivery.eventId = eventId;
        delivery.eventType = eventType;
        delivery.assetUuid = assetUuid;
        delivery.payload = payload;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        delivery.updatedAt = now;
        return delivery;
    }
}
