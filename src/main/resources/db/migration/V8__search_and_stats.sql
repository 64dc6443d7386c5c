-- Search over the delivery log (GET /api/deliveries) and attempt statistics per webhook (GET /api/webhooks/{id}/stats).
--
-- Every search reads newest first, ORDER BY <the filter that drives it> DESC, id DESC, from the one
-- index that starts with that filter and ends with id, both descending, and stops after a page. H2 2.2
-- walks an index only forwards, so the order is kept in the index itself (PostgreSQL reads either way),
-- and the leading DESC tells H2's planner this index, not another one on the same column (the foreign
-- key's, delivery_due_per_webhook), is the one that is already sorted. A time window (from/to on
-- created_at) becomes a range of ids too, since ids begin with the millisecond they were made
-- (delivery.control.DeliverySearch), so each of these indexes serves it as well.
CREATE INDEX delivery_newest ON delivery (id DESC);
CREATE INDEX delivery_asset ON delivery (asset_uuid DESC, id DESC);
CREATE INDEX delivery_event ON delivery (event_id DESC, id DESC);
CREATE INDEX delivery_state ON delivery (status DESC, id DESC);
CREATE INDEX delivery_type ON delivery (event_type DESC, id DESC);
-- the per-webhook log the same way (it was ascending, which H2 read whole and sorted)
DROP INDEX delivery_log;
CREATE INDEX delivery_log ON delivery (webhook_id DESC, id DESC);

-- Attempts counted per webhook and minute, added to in the transaction that records them
-- (delivery.control.AttemptStats): one row per minute that had attempts. b0..b11 count attempts by
-- duration, up to 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000 ms and above; p50 and p95
-- are read from them. Purged with the deliveries, after webhooks.delivery.retention. No foreign key to
-- webhook, on purpose: checking it made the outcome batch wait on a webhook row that a DELETE held
-- while it waited on the batch's deliveries (a deadlock on H2); a deleted webhook's rows go with the
-- retention, and its id is never reused.
CREATE TABLE attempt_stats (
    webhook_id  VARCHAR(40) NOT NULL,
    minute_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    succeeded   INTEGER NOT NULL,
    failed      INTEGER NOT NULL,
    max_ms      BIGINT  NOT NULL,
    b0 INTEGER NOT NULL, b1 INTEGER NOT NULL, b2 INTEGER NOT NULL, b3 INTEGER NOT NULL,
    b4 INTEGER NOT NULL, b5 INTEGER NOT NULL, b6 INTEGER NOT NULL, b7 INTEGER NOT NULL,
    b8 INTEGER NOT NULL, b9 INTEGER NOT NULL, b10 INTEGER NOT NULL, b11 INTEGER NOT NULL,
    PRIMARY KEY (webhook_id, minute_at)
);
CREATE INDEX attempt_stats_minute ON attempt_stats (minute_at);
