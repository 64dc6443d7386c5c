package io.damwebhooks.api;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to an asset in the DAM. The DAM fires one inside the transaction that made
 * the change:
 * <pre>{@code
 * @Inject Event<AssetEvent> events;
 * ...
 * events.fire(new AssetMoved(asset, "/summer/beach.jpg", "/archive/beach.jpg"));
 * }</pre>
 * DAM Webhooks records a delivery for every active webhook the event triggers in that same
 * transaction: nothing is recorded or sent if it rolls back, and everything is once it commits.
 * <p>
 * Every event is immutable. The short constructors take the time of the event as now and no id.
 */
public sealed interface AssetEvent
        permits AssetUploaded, AssetMoved, AssetRenamed, AssetDeleted, MetadataChanged, InfoChanged, TagsChanged,
        LabelsChanged {

    /**
     * An optional idempotency key (1 to 200 characters, no control characters): an event with an id seen before is ignored.
     * When null, the service gives the event an id of its own. Receivers get it as {@code data.eventId}.
     */
    String id();

    /** When it happened; receivers get it as {@code timestamp}. Never null. */
    Instant occurredAt();

    /** The asset as it is after the change. Never null. */
    Asset asset();

    /** Which of the eight events this is. */
    EventType type();

    /**
     * What changed, shaped as receivers get it under {@code data.changes}, e.g.
     * {@code {"path": Change("/a.jpg", "/b.jpg")}}: empty for uploads and deletions.
     */
    Map<String, Object> changes();
}
