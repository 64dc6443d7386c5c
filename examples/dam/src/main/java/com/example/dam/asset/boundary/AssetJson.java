package com.example.dam.asset.boundary;

import com.example.dam.asset.entity.Asset;
import java.util.List;
import java.util.Map;

/** An asset as the DAM's REST API shows it. */
public record AssetJson(String uuid, String name, String path, Long size, String mimeType, Integer width, Integer height,
                        List<String> tags, List<String> labels, Map<String, String> meta) {

    static AssetJson of(Asset asset) {
        return new AssetJson(asset.uuid(), asset.name(), asset.path(), asset.size(), asset.mimeType(), asset.width(),
                asset.height(), asset.tags(), asset.labels(), asset.customMeta());
    }
}
