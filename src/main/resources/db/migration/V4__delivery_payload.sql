-- The body moves out of the delivery row: the row changes on every claim and attempt, the body never.
-- Without this, each of those updates rewrote the 1-2 KB body with it (H2 writes whole pages on every
-- commit, PostgreSQL copies the whole row).
CREATE TABLE delivery_payload (
    delivery_id  VARCHAR(40) NOT NULL PRIMARY KEY REFERENCES delivery (id) ON DELETE CASCADE,
    payload      TEXT        NOT NULL                 -- the exact bytes (UTF-8 JSON) that are signed and sent
);
INSERT INTO delivery_payload (delivery_id, payload) SELECT id, payload FROM delivery;
ALTER TABLE delivery DROP COLUMN payload;
