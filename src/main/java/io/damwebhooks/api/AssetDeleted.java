package io.damwebhooks.api;

import java.time.Instant;
import java.util.Map;

/**
 * The DAM deleted an asset ("On delete"); {@code asset} is how it was. No changes.
 */
public record AssetDeleted(String id, Instant occurredAt, Asset asset) implements AssetEvent {

    public AssetDeleted {
        id = Checks.id(id);
        occurredAt = Checks.occurredAt(occurredAt);
        asset = Checks.asset(asset);
    }

    /** Happened now, with no idempotency key. */
    public AssetDeleted(Asset asset) {
        this(null, null, asset);
    }

    @Override
    public EventType type() {
        return EventType.DELETED;
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of();
    }
}
