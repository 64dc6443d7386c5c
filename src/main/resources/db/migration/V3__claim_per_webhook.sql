-- The dispatcher claims each webhook's oldest due deliveries on their own (fair across webhooks, and a
-- dead receiver's backlog is never scanned for the others' rows): one index range per webhook, read in
-- order, so a claim costs its batch, not the backlog.
CREATE INDEX delivery_due_per_webhook ON delivery (webhook_id, status, next_attempt_at);
