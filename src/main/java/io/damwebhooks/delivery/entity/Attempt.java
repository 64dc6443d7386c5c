package io.damwebhooks.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One try at a delivery: when, how long, what the receiver answered, or what went wrong. */
@Entity
@Table(name = "attempt")
@IdClass(Attempt.Key.class)
public class Attempt {

    public static final int RESPONSE_BODY_LIMIT = 1024;

    @Id
    @Column(name = "delivery_id")
    public String deliveryId;

    @Id
    public int number;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "duration_ms")
    public long durationMs;

    @Column(name = "status_code")
    public Integer statusCode;

    /** Why it failed without an answer (timeout, refused address, token endpoint failure); null otherwise. */
    public String error;

    /** The first KiB of the receiver's answer. */
    @Column(name = "response_body")
    public String responseBody;

    public record Key(String deliveryId, int number) implements Serializable { }
}
