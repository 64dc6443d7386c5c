package io.damwebhooks.api;

import java.time.Instant;
import java.util.Map;

/**
 * An asset moved to another folder ("On move"): {@code changes} is {@code {"path": {"old", "new"}}}.
 * When {@code newPath} is null it is taken from the asset.
 */
public record AssetMoved(String id, Instant occurredAt, Asset asset, String oldPath, String newPath) implements AssetEvent {

    public AssetMoved {
        id = Checks.id(id);
        occurredAt = Checks.occurredAt(occurredAt);
        asset = Checks.asset(asset);
        if (newPath == null) newPath = asset.path();
    }

    /** Happened now, with no idempotency key. */
    public AssetMoved(Asset asset, String oldPath, String newPath) {
        this(null, null, asset, oldPath, newPath);
    }

    @Override
    public EventType type() {
        return EventType.MOVED;
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("path", Change.of(oldPath, newPath));
    }
}
