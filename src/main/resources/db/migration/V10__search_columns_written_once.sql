-- The delivery log's search columns get a table of their own, written once with the delivery and never
-- updated; V8's search indexes move onto it (issue 18).
--
-- Why: a delivery's row changes with every claim and every outcome, and on each change the databases
-- touch indexes that do not even contain the changed columns. H2 2.2 carries out an UPDATE as a delete and
-- an insert of the row in every index of the table (org.h2.table.Table.updateRows); PostgreSQL gives every
-- index a new entry when any indexed column changes (no HOT update). With V8 and V9, delivery had twelve
-- indexes on H2, and the outcome's commit was the most expensive thing the service did. Left on delivery
-- are the indexes that contain its state: delivery_due_per_webhook (claims), delivery_lane (asset lanes),
-- delivery_state and delivery_webhook_state (searches by status, the backlog gauge, lease recovery).
--
-- delivery_created moves too: the retention reads the oldest rows from delivery_search_created
-- (delivery.control.Retention).
--
-- Searches driven by asset, event, type, webhook or time read this table's indexes and join delivery by
-- its primary key for the rest (delivery.control.DeliverySearch). No primary key here: the rows are found
-- through these indexes, and delivery_search_newest serves the foreign key (H2 takes an existing
-- one-column index on the column rather than adding its own), through which a deleted delivery takes its
-- search row with it.
CREATE TABLE delivery_search (
    id          VARCHAR(40)  NOT NULL,
    webhook_id  VARCHAR(40)  NOT NULL,
    event_id    VARCHAR(200) NOT NULL,
    event_type  VARCHAR(60)  NOT NULL,
    asset_uuid  VARCHAR(200),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO delivery_search (id, webhook_id, event_id, event_type, asset_uuid, created_at)
    SELECT id, webhook_id, event_id, event_type, asset_uuid, created_at FROM delivery;

CREATE INDEX delivery_search_newest ON delivery_search (id DESC);
ALTER TABLE delivery_search ADD CONSTRAINT delivery_search_delivery
    FOREIGN KEY (id) REFERENCES delivery (id) ON DELETE CASCADE;
CREATE INDEX delivery_search_asset ON delivery_search (asset_uuid DESC, id DESC);
CREATE INDEX delivery_search_event ON delivery_search (event_id DESC, id DESC);
CREATE INDEX delivery_search_type ON delivery_search (event_type DESC, id DESC);
CREATE INDEX delivery_search_log ON delivery_search (webhook_id DESC, id DESC);
CREATE INDEX delivery_search_created ON delivery_search (created_at);

DROP INDEX delivery_newest;
DROP INDEX delivery_asset;
DROP INDEX delivery_event;
DROP INDEX delivery_type;
DROP INDEX delivery_log;
DROP INDEX delivery_created;
