package io.damwebhooks.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An asset's metadata in the DAM's three groups. Each map goes to receivers as a JSON object, as it is,
 * in the map's own iteration order: values may be strings, numbers, booleans, {@code null}, lists and
 * nested maps (anything else is written by JSON-B). The maps are copied, so later changes to the
 * DAM's maps do not change an event already fired; keep the values themselves immutable.
 *
 * @param system   metadata the DAM maintains itself; never null (empty when not given)
 * @param custom   metadata users maintain; never null
 * @param embedded metadata read from the file (EXIF, XMP, IPTC, …); never null
 */
public record Metadata(Map<String, Object> system, Map<String, Object> custom, Map<String, Object> embedded) {

    /** No metadata at all. */
    public static final Metadata EMPTY = new Metadata(Map.of(), Map.of(), Map.of());

    public Metadata {
        system = copy(system);
        custom = copy(custom);
        embedded = copy(embedded);
    }

    /** Only custom metadata, the group triggers usually look at. */
    public static Metadata custom(Map<String, Object> custom) {
        return new Metadata(Map.of(), custom, Map.of());
    }

    // LinkedHashMap rather than Map.copyOf: keeps the DAM's order and allows null values
    private static Map<String, Object> copy(Map<String, Object> map) {
        if (map == null || map.isEmpty()) return Map.of();
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
