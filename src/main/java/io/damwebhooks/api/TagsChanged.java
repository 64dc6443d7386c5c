package io.damwebhooks.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The tags of an asset changed ("On change tag"): {@code changes} is {@code {"tags": {"old": [...], "new": [...]}}}.
 */
public record TagsChanged(String id, Instant occurredAt, Asset asset, List<String> oldTags, List<String> newTags) implements AssetEvent {

    public TagsChanged {
        id = Checks.id(id);
        occurredAt = Checks.occurredAt(occurredAt);
        asset = Checks.asset(asset);
        oldTags = Checks.list(oldTags);
        newTags = Checks.list(newTags);
    }

    /** Happened now, with no idempotency key. */
    public TagsChanged(Asset asset, List<String> oldTags, List<String> newTags) {
        this(null, null, asset, oldTags, newTags);
    }

    @Override
    public EventType type() {
        return EventType.TAGS_CHANGED;
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("tags", Change.of(oldTags, newTags));
    }
}
