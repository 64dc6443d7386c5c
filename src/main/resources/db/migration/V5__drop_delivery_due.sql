-- Claims read delivery_due_per_webhook now; the old (status, next_attempt_at) index only cost a write
-- on every insert and every change of state. The backlog gauge counts through the new index.
DROP INDEX delivery_due;
