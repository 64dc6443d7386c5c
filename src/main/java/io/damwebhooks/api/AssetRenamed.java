package io.damwebhooks.api;

import java.time.Instant;
import java.util.Map;

/**
 * An asset got a new name ("On rename"): {@code changes} is {@code {"name": {"old", "new"}}}.
 * When {@code newName} is null it is taken from the asset.
 */
public record AssetRenamed(String id, Instant occurredAt, Asset asset, String oldName, String newName) implements AssetEvent {

    public AssetRenamed {
        id = Checks.id(id);
        occurredAt = Checks.occurredAt(occurredAt);
        asset = Checks.asset(asset);
        if (newName == null) newName = asset.name();
    }

    /** Happened now, with no idempotency key. */
    public AssetRenamed(Asset asset, String oldName, String newName) {
        this(null, null, asset, oldName, newName);
    }

    @Override
    public EventType type() {
        return EventType.RENAMED;
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("name", Change.of(oldName, newName));
    }
}
