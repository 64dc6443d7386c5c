-- Per-asset ordering and per-webhook rate limits (issue 14).
--
-- ordering: 'none' | 'per-asset'. With per-asset, a pending delivery that waits for an earlier one of
-- the same asset (same webhook) is "held": pending with next_attempt_at NULL, so the claim's index range
-- (delivery_due_per_webhook, next_attempt_at <= now) never reads it, however long the queue behind a slow
-- asset grows. It is released (next_attempt_at set) when the delivery before it finishes.
ALTER TABLE webhook ADD COLUMN ordering VARCHAR(20) DEFAULT 'none' NOT NULL;

-- rate_per_second: null, or at most so many attempts per second across all instances.
-- rate_next_at: the shared allowance (GCRA's theoretical arrival time): no attempt slot before it.
-- Only the claim writes it (SELECT … FOR UPDATE in the claim's transaction); the entity does not map it,
-- so an admin's edit of the webhook never overwrites it.
ALTER TABLE webhook ADD COLUMN rate_per_second INTEGER;
ALTER TABLE webhook ADD COLUMN rate_next_at TIMESTAMP WITH TIME ZONE;

-- An asset's lane: its pending deliveries of one webhook in acceptance (id) order. The claim asks it for
-- the nearest earlier pending delivery of a due row, and a finished delivery for the next one to release;
-- both are one probe of this index, whatever the history of the asset.
CREATE INDEX delivery_lane ON delivery (webhook_id, asset_uuid, status, id);
