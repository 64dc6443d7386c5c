package io.damwebhooks.it.tools;

import io.damwebhooks.client.model.Asset;
import io.damwebhooks.client.model.AssetEventName;
import io.damwebhooks.client.model.AssetMeta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An image and a video with every field set, and the changes of each event type, in the generated client's model. */
final class SampleAssets {

    private SampleAssets() { }

    static Asset image() {
        return new Asset().uuid(UUID.randomUUID().toString()).name("beach.jpg").size(48211L).path("/summer/beach.jpg")
                .mimeType("image/jpeg").cdnLink("https://cdn.example.com/summer/beach.jpg").width(1920).height(1080)
                .meta(new AssetMeta().system(Map.of("hash", "abc")).custom(Map.of("status", "approved", "rating", 5))
                        .embedded(Map.of("exif", Map.of("iso", 200))));
    }

    static Asset video() {
        return new Asset().uuid(UUID.randomUUID().toString()).name("clip.mp4").size(9000L).path("/v/clip.mp4")
                .mimeType("video/mp4").cdnLink("https://cdn.example.com/v/clip.mp4").width(1280).height(720)
                .length(61.5).bitrate(4_000_000L).playlistUrl("https://cdn.example.com/v/clip.m3u8")
                .meta(new AssetMeta().custom(Map.of("status", "draft")));
    }

    static Map<String, Object> changes(AssetEventName type) {
        Map<String, Object> oldNew = new HashMap<>();
        return switch (type) {
            case ASSET_MOVED -> Map.of("path", Map.of("old", "/before/x", "new", "/after/x"));
            case ASSET_RENAMED -> Map.of("name", Map.of("old", "before.jpg", "new", "after.jpg"));
            case ASSET_METADATA_CHANGED -> {
                oldNew.put("old", null);
                oldNew.put("new", "approved");
                yield Map.of("meta", Map.of("status", oldNew, "rating", Map.of("old", 4, "new", 5)));
            }
            case ASSET_INFO_CHANGED -> Map.of("info", Map.of("title", Map.of("old", "Beach", "new", "Summer beach")));
            case ASSET_TAGS_CHANGED -> Map.of("tags", Map.of("old", List.of("sea"), "new", List.of("sea", "sun")));
            case ASSET_LABELS_CHANGED -> Map.of("labels", Map.of("old", List.of(), "new", List.of("hero")));
            default -> null;
        };
    }
}
