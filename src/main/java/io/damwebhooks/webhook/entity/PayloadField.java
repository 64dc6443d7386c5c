package io.damwebhooks.webhook.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The asset details a webhook may choose to receive, grouped as the DAM groups them. {@code key} is
 * the name under {@code data.asset}; {@code kind} says to which assets the field applies.
 */
public enum PayloadField {
    FILE_NAME("file.name", "name", AssetKind.ANY, "Name"),
    FILE_SIZE("file.size", "size", AssetKind.ANY, "Size"),
    FILE_PATH("file.path", "path", AssetKind.ANY, "Path"),
    FILE_MIME_TYPE("file.mimeType", "mimeType", AssetKind.ANY, "MIME type"),
    FILE_CDN_LINK("file.cdnLink", "cdnLink", AssetKind.ANY, "CDN link"),
    FILE_UUID("file.uuid", "uuid", AssetKind.ANY, "File UUID"),
    VIDEO_WIDTH("video.width", "width", AssetKind.VIDEO, "Width"),
    VIDEO_HEIGHT("video.height", "height", AssetKind.VIDEO, "Height"),
    VIDEO_LENGTH("video.length", "length", AssetKind.VIDEO, "Length (in seconds)"),
    VIDEO_BITRATE("video.bitrate", "bitrate", AssetKind.VIDEO, "Bitrate"),
    VIDEO_PLAYLIST_URL("video.playlistUrl", "playlistUrl", AssetKind.VIDEO, "HLS/DASH playlist URL"),
    IMAGE_WIDTH("image.width", "width", AssetKind.IMAGE, "Width"),
    IMAGE_HEIGHT("image.height", "height", AssetKind.IMAGE, "Height"),
    META_SYSTEM("meta.system", "system", AssetKind.ANY, "All system metadata"),
    META_CUSTOM("meta.custom", "custom", AssetKind.ANY, "All custom metadata"),
    META_EMBEDDED("meta.embedded", "embedded", AssetKind.ANY, "All embedded metadata");

    /** What a new webhook receives when it names no fields: the six file fields. */
    public static final List<String> DEFAULT_SELECTION =
            List.of("file.name", "file.size", "file.path", "file.mimeType", "file.cdnLink", "file.uuid");

    public enum AssetKind { ANY, IMAGE, VIDEO }

    private final String selector;
    private final String key;
    private final AssetKind kind;
    private final String label;

    PayloadField(String selector, String key, AssetKind kind, String label) {
        this.selector = selector;
        this.key = key;
        this.kind = kind;
        this.label = label;
    }

    public String selector() { return selector; }
    public String key() { return key; }
    public AssetKind kind() { return kind; }
    public String label() { return label; }

    public static Optional<PayloadField> fromSelector(String selector) {
        return Arrays.stream(values()).filter(f -> f.selector.equals(selector)).findFirst();
    }
}
