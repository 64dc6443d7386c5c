package io.damwebhooks.api;

import java.time.Instant;
import java.util.Map;

/**
 * Metadata of an asset changed ("On change meta"): {@code changes} is {@code {"meta": {"<field>": {"old", "new"}, …}}}.
 * Webhooks may trigger on one field only, and on its new value only.
 */
public record MetadataChanged(String id, Instant occurredAt, Asset asset, Map<String, Change<?>> meta) implements AssetEvent {

    public MetadataChanged {
        id = Checks.id(id);
        occurredAt = Checks.occurredAt(occurredAt);
        asset = Checks.asset(asset);
        meta = Changes.copy(meta);
    }

    /** Happened now, with no idempotency key. */
    public MetadataChanged(Asset asset, Map<String, Change<?>> meta) {
        this(null, null, asset, meta);
    }

    @Override
    public EventType type() {
        return EventType.METADATA_CHANGED;
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("meta", meta);
    }
}
