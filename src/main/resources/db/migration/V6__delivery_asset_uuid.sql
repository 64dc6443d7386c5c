-- Every delivery names the asset its event was about (null for webhook.test), so that the log can be
-- searched by asset and one asset's deliveries can be told apart from another's. Rows recorded before
-- get it from their bodies in migration 6.1 (platform.control.AssetUuidBackfill).
ALTER TABLE delivery ADD COLUMN asset_uuid VARCHAR(200);
