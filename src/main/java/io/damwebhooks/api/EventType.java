package io.damwebhooks.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * What happened to an asset: the eight events the DAM reports, with their names on the wire and the
 * DAM's own wording for them (the triggers a webhook can choose).
 */
public enum EventType {
    UPLOADED("asset.uploaded", "On upload"),
    MOVED("asset.moved", "On move"),
    RENAMED("asset.renamed", "On rename"),
    DELETED("asset.deleted", "On delete"),
    METADATA_CHANGED("asset.metadata_changed", "On change meta"),
    INFO_CHANGED("asset.info_changed", "On change info"),
    TAGS_CHANGED("asset.tags_changed", "On change tag"),
    LABELS_CHANGED("asset.labels_changed", "On change label");

    private final String wireName;
    private final String label;

    EventType(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    /** The name in JSON, e.g. {@code asset.uploaded}. */
    public String wireName() {
        return wireName;
    }

    /** The DAM's wording, e.g. "On upload". */
    public String label() {
        return label;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
