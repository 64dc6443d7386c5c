package io.damwebhooks.bench;

import java.nio.charset.StandardCharsets;

/** The event the benchmarks post: an image upload with 20 custom and 20 system metadata entries. */
public final class Events {

    private static final String META;

    static {
        StringBuilder system = new StringBuilder();
        StringBuilder custom = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            system.append(i == 0 ? "" : ",").append("\"sys").append(i).append("\":\"value-").append(i).append("\"");
            custom.append(i == 0 ? "" : ",").append("\"field").append(i).append("\":\"some custom value ").append(i).append("\"");
        }
        META = "{\"system\":{" + system + "},\"custom\":{" + custom + "}}";
    }

    private Events() { }

    public static byte[] body(String id) {
        return body(id, id);
    }

    /** An event of a given asset: events of one asset are ordered for a per-asset webhook. */
    public static byte[] body(String id, String assetUuid) {
        return ("{\"id\":\"" + id + "\",\"type\":\"asset.uploaded\",\"asset\":{\"uuid\":\"" + assetUuid
                + "\",\"name\":\"beach.jpg\",\"size\":48211,\"path\":\"/summer/beach.jpg\",\"mimeType\":\"image/jpeg\","
                + "\"cdnLink\":\"https://cdn.example.com/summer/beach.jpg\",\"width\":1920,\"height\":1080,\"meta\":"
                + META + "}}").getBytes(StandardCharsets.UTF_8);
    }
}
