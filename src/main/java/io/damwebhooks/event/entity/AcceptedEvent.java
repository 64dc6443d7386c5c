package io.damwebhooks.event.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An event the service accepted, kept so that the same event id posted again adds nothing and is
 * answered as the first time.
 */
@Entity
@Table(name = "event")
public class AcceptedEvent {

    @Id
    public String id;

    public String type;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** How many deliveries it produced. */
    public int deliveries;
}
