-- The transactional outbox: one row per (event, webhook) with the exact body to send, written in the
-- transaction that accepted the event; and the attempt log. Plain types for both H2 and PostgreSQL.

-- Events accepted, so that an event id seen before adds nothing (idempotent intake).
CREATE TABLE event (
    id           VARCHAR(200) NOT NULL PRIMARY KEY,
    type         VARCHAR(60)  NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    deliveries   INTEGER      NOT NULL
);
CREATE INDEX event_received ON event (received_at);

CREATE TABLE delivery (
    id                VARCHAR(40)  NOT NULL PRIMARY KEY,   -- msg_…: the webhook-id header, the same on every attempt
    webhook_id        VARCHAR(40)  NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_id          VARCHAR(200) NOT NULL,
    event_type        VARCHAR(60)  NOT NULL,
    payload           TEXT         NOT NULL,               -- the exact bytes (UTF-8 JSON) that are signed and sent
    status            VARCHAR(10)  NOT NULL,               -- pending | succeeded | failed
    attempt_count     INTEGER      NOT NULL,
    next_attempt_at   TIMESTAMP WITH TIME ZONE,            -- when a pending delivery is due; null once it is done
    lease_until       TIMESTAMP WITH TIME ZONE,            -- a claim: no other dispatcher takes it before this
    leased_by         VARCHAR(100),
    last_status_code  INTEGER,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX delivery_due ON delivery (status, next_attempt_at);
CREATE INDEX delivery_log ON delivery (webhook_id, id);
CREATE INDEX delivery_created ON delivery (created_at);

CREATE TABLE attempt (
    delivery_id    VARCHAR(40) NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    number         INTEGER     NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms    BIGINT      NOT NULL,
    status_code    INTEGER,
    error          VARCHAR(1000),
    response_body  VARCHAR(1024),
    PRIMARY KEY (delivery_id, number)
);

-- For auto-disable: since when every attempt of this webhook has failed (null while it succeeds).
ALTER TABLE webhook ADD COLUMN failing_since TIMESTAMP WITH TIME ZONE;
