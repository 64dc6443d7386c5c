package io.damwebhooks.api;

/**
 * A snapshot of an asset as it is after the change an event reports. Only {@code uuid} is required;
 * what is null is left out of the bodies receivers get. An asset is an image when its {@code mimeType}
 * starts with {@code image/}, a video when it starts with {@code video/}: only then do receivers get
 * the image or video fields.
 *
 * @param uuid        the DAM's id of the asset; required, at most 200 characters
 * @param name        file name, e.g. {@code beach.jpg}
 * @param size        size in bytes
 * @param path        folder path with the name, e.g. {@code /summer/beach.jpg}
 * @param mimeType    e.g. {@code image/jpeg}
 * @param cdnLink     public URL of the file
 * @param width       pixels (images and videos)
 * @param height      pixels (images and videos)
 * @param length      duration in seconds (videos)
 * @param bitrate     bits per second (videos)
 * @param playlistUrl HLS or DASH playlist (videos)
 * @param meta        metadata; {@link Metadata#EMPTY} when null is given
 */
public record Asset(String uuid, String name, Long size, String path, String mimeType, String cdnLink,
                    Integer width, Integer height, Double length, Long bitrate, String playlistUrl,
                    Metadata meta) {

    public Asset {
        Checks.uuid(uuid);
        if (meta == null) meta = Metadata.EMPTY;
    }

    /** An asset with its file details and no image or video details. */
    public static Asset file(String uuid, String name, Long size, String path, String mimeType, String cdnLink,
                             Metadata meta) {
        return new Asset(uuid, name, size, path, mimeType, cdnLink, null, null, null, null, null, meta);
    }

    public boolean isImage() {
        return mimeType != null && mimeType.startsWith("image/");
    }

    public boolean isVideo() {
        return mimeType != null && mimeType.startsWith("video/");
    }
}
