package com.example.dam.asset.control;

import com.example.dam.asset.entity.Asset;
import io.damwebhooks.api.Metadata;
import java.util.LinkedHashMap;
import java.util.Map;

/** The DAM's asset as DAM Webhooks' event types describe it. */
final class Snapshots {

    private static final String CDN = "https://cdn.example.com";

    private Snapshots() { }

    static io.damwebhooks.api.Asset of(Asset asset) {
        Map<String, Object> custom = new LinkedHashMap<>(asset.customMeta());
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("tags", asset.tags());
        system.put("labels", asset.labels());
        return new io.damwebhooks.api.Asset(asset.uuid(), asset.name(), asset.size(), asset.path(), asset.mimeType(),
                CDN + asset.path(), asset.width(), asset.height(), null, null, null,
                new Metadata(system, custom, Map.of()));
    }
}
