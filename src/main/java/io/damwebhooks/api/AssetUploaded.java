package io.damwebhooks.api;

import java.time.Instant;
import java.util.Map;

/**
 * The DAM received a new asset ("On upload"). No changes.
 */
public record AssetUploaded(String id, Instant occurredAt, Asset asset) implements AssetEvent {

    public AssetUploaded {
        id = Checks.id(id);
        occurredAt = Checks.occurredAt(occurredAt);
        asset = Checks.asset(asset);
    }

    /** Happened now, with no idempotency key. */
    public AssetUploaded(Asset asset) {
        this(null, null, asset);
    }

    @Override
    public EventType type() {
        return EventType.UPLOADED;
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of();
    }
}
