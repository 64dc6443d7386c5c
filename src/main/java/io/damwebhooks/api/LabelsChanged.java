package io.damwebhooks.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The labels of an asset changed ("On change label"): {@code changes} is {@code {"labels": {"old": [...], "new": [...]}}}.
 */
public record LabelsChanged(String id, Instant occurredAt, Asset asset, List<String> oldLabels, List<String> newLabels) implements AssetEvent {

    public LabelsChanged {
        id = Checks.id(id);
        occurredAt = Checks.occurredAt(occurredAt);
        asset = Checks.asset(asset);
        oldLabels = Checks.list(oldLabels);
        newLabels = Checks.list(newLabels);
    }

    /** Happened now, with no idempotency key. */
    public LabelsChanged(Asset asset, List<String> oldLabels, List<String> newLabels) {
        this(null, null, asset, oldLabels, newLabels);
    }

    @Override
    public EventType type() {
        return EventType.LABELS_CHANGED;
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("labels", Change.of(oldLabels, newLabels));
    }
}
