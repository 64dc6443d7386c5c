package io.damwebhooks.api;

import java.time.Instant;
import java.util.Map;

/**
 * Descriptive information of an asset (title, description, …) changed ("On change info"):
 * {@code changes} is {@code {"info": {"<title, description, …>": {"old", "new"}}}}.
 */
public record InfoChanged(String id, Instant occurredAt, Asset asset, Map<String, Change<?>> info) implements AssetEvent {

    public InfoChanged {
        id = Checks.id(id);
        occurredAt = Checks.occurredAt(occurredAt);
        asset = Checks.asset(asset);
        info = Changes.copy(info);
    }

    /** Happened now, with no idempotency key. */
    public InfoChanged(Asset asset, Map<String, Change<?>> info) {
        this(null, null, asset, info);
    }

    @Override
    public EventType type() {
        return EventType.INFO_CHANGED;
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("info", info);
    }
}
