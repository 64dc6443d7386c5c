package io.damwebhooks.event.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.api.Asset;
import io.damwebhooks.api.AssetDeleted;
import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.api.AssetMoved;
import io.damwebhooks.api.AssetRenamed;
import io.damwebhooks.api.AssetUploaded;
import io.damwebhooks.api.Change;
import io.damwebhooks.api.InfoChanged;
import io.damwebhooks.api.LabelsChanged;
import io.damwebhooks.api.Metadata;
import io.damwebhooks.api.MetadataChanged;
import io.damwebhooks.api.TagsChanged;
import io.damwebhooks.webhook.entity.PayloadField;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PayloadBuilderTest {

    private static final Instant AT = Instant.parse("2026-11-29T10:00:00.120Z");
    private static final Metadata META = new Metadata(
            Map.of("createdBy", "anna"),
            ordered("status", "approved", "rating", 5L, "price", new BigDecimal("1.50"), "public", true,
                    "nothing", null, "nested", Map.of("a", List.of(1L, "two"))),
            Map.of("exif", Map.of("iso", 200L)));
    private static final Asset IMAGE = new Asset("u-img", "beach.jpg", 48211L, "/summer/beach.jpg", "image/jpeg",
            "https://cdn.example.com/summer/beach.jpg", 1920, 1080, 12.5, 800L, "https://cdn/x.m3u8", META);
    private static final Asset VIDEO = new Asset("u-vid", "clip.mp4", 9000L, "/v/clip.mp4", "video/mp4",
            "https://cdn.example.com/v/clip.mp4", 1280, 720, 61.5, 4_000_000L, "https://cdn/clip.m3u8", META);
    private static final Asset DOCUMENT = new Asset("u-doc", "a.pdf", 10L, "/a.pdf", "application/pdf",
            "https://cdn/a.pdf", 1, 2, 3.0, 4L, "https://cdn/no.m3u8", META);

    static Stream<Arguments> everyFieldOnEveryKind() {
        List<Arguments> cases = new ArrayList<>();
        for (PayloadField field : PayloadField.values()) {
            cases.add(Arguments.of(field, IMAGE, field.kind() != PayloadField.AssetKind.VIDEO));
            cases.add(Arguments.of(field, VIDEO, field.kind() != PayloadField.AssetKind.IMAGE));
            cases.add(Arguments.of(field, DOCUMENT, field.kind() == PayloadField.AssetKind.ANY));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyFieldOnEveryKind")
    void aSelectedFieldAppearsExactlyWhenItAppliesToTheAssetsKind(PayloadField field, Asset asset, boolean applies) {
        JsonObject data = data(new AssetUploaded(null, AT, asset), List.of(field.selector()));
        JsonObject sent = data.getJsonObject("asset");
        boolean meta = field.selector().startsWith("meta.");
        if (!applies) {
            assertEquals(JsonObject.EMPTY_JSON_OBJECT, sent);
        } else if (meta) {
            assertEquals(List.of("meta"), List.copyOf(sent.keySet()));
            assertEquals(List.of(field.key()), List.copyOf(sent.getJsonObject("meta").keySet()));
        } else {
            assertEquals(List.of(field.key()), List.copyOf(sent.keySet()));
        }
    }

    @Test
    void imageFieldsCarryTheImagesValues() {
        JsonObject asset = asset(IMAGE, List.of("image.width", "image.height", "video.length", "video.bitrate"));
        assertEquals(json("{\"width\":1920,\"height\":1080}"), asset);
    }

    @Test
    void videoFieldsCarryTheVideosValues() {
        JsonObject asset = asset(VIDEO, List.of("video.width", "video.height", "video.length", "video.bitrate",
                "video.playlistUrl", "image.width"));
        assertEquals(json("{\"width\":1280,\"height\":720,\"length\":61.5,\"bitrate\":4000000,"
                + "\"playlistUrl\":\"https://cdn/clip.m3u8\"}"), asset);
    }

    @Test
    void fileFieldsComeInAFixedOrderWhateverTheSelectionsOrder() {
        String body = PayloadBuilder.of(new AssetUploaded(null, AT, IMAGE), "evt_1").body("wh_1", "PIM",
                List.of("file.cdnLink", "file.mimeType", "file.path", "file.size", "file.name", "file.uuid"));
        assertTrue(body.contains("\"asset\":{\"uuid\":\"u-img\",\"name\":\"beach.jpg\",\"size\":48211,"
                + "\"path\":\"/summer/beach.jpg\",\"mimeType\":\"image/jpeg\","
                + "\"cdnLink\":\"https://cdn.example.com/summer/beach.jpg\"}"), body);
    }

    @Test
    void nullsAreLeftOut() {
        Asset sparse = new Asset("u", null, null, null, null, null, null, null, null, null, null, null);
        List<String> all = Stream.of(PayloadField.values()).map(PayloadField::selector).toList();
        // metadata groups the DAM sent nothing in are left out too, and meta with them
        assertEquals(json("{\"uuid\":\"u\"}"), asset(sparse, all));
        Asset video = new Asset("v", "v.mp4", null, null, "video/mp4", null, 10, null, null, null, null, null);
        assertEquals(json("{\"uuid\":\"v\",\"name\":\"v.mp4\",\"mimeType\":\"video/mp4\",\"width\":10}"), asset(video, all));
        Asset tagged = new Asset("t", null, null, null, null, null, null, null, null, null, null,
                io.damwebhooks.api.Metadata.custom(java.util.Map.of("status", "draft")));
        assertEquals(json("{\"uuid\":\"t\",\"meta\":{\"custom\":{\"status\":\"draft\"}}}"), asset(tagged, all));
    }

    @Test
    void metadataIsPassedThroughAsJson() {
        String body = PayloadBuilder.of(new AssetUploaded(null, AT, IMAGE), "evt_1")
                .body("wh_1", "PIM", List.of("meta.custom", "meta.system", "meta.embedded"));
        // the map's own order, the exact numbers, nulls inside metadata kept
        assertTrue(body.contains("\"asset\":{\"meta\":{\"system\":{\"createdBy\":\"anna\"},"
                + "\"custom\":{\"status\":\"approved\",\"rating\":5,\"price\":1.50,\"public\":true,\"nothing\":null,"
                + "\"nested\":{\"a\":[1,\"two\"]}},\"embedded\":{\"exif\":{\"iso\":200}}}}"), body);
    }

    @Test
    void theEnvelopeIsTheContracts() {
        String body = PayloadBuilder.of(new AssetMoved("dam-1", AT, IMAGE, "/old/beach.jpg", "/summer/beach.jpg"),
                "dam-1").body("wh_1", "PIM \"sync\"", List.of("file.name", "file.uuid", "file.path"));
        assertEquals("{\"type\":\"asset.moved\",\"timestamp\":\"2026-11-29T10:00:00.120Z\","
                + "\"data\":{\"eventId\":\"dam-1\",\"webhook\":{\"id\":\"wh_1\",\"name\":\"PIM \\\"sync\\\"\"},"
                + "\"asset\":{\"uuid\":\"u-img\",\"name\":\"beach.jpg\",\"path\":\"/summer/beach.jpg\"},"
                + "\"changes\":{\"path\":{\"old\":\"/old/beach.jpg\",\"new\":\"/summer/beach.jpg\"}}}}", body);
    }

    @Test
    void changesAreShapedPerEvent() {
        assertFalse(data(new AssetUploaded(null, AT, IMAGE), List.of()).containsKey("changes"));
        assertFalse(data(new AssetDeleted(null, AT, IMAGE), List.of()).containsKey("changes"));
        assertEquals(json("{\"name\":{\"old\":\"a.jpg\",\"new\":\"beach.jpg\"}}"),
                changes(new AssetRenamed(null, AT, IMAGE, "a.jpg", null)));
        assertEquals(json("{\"meta\":{\"status\":{\"old\":\"draft\",\"new\":\"approved\"},\"rating\":{\"old\":null,\"new\":5}}}"),
                changes(new MetadataChanged(null, AT, IMAGE,
                        ordered("status", Change.of("draft", "approved"), "rating", Change.of(null, 5)))));
        assertEquals(json("{\"info\":{\"title\":{\"old\":\"A\",\"new\":\"B\"}}}"),
                changes(new InfoChanged(null, AT, IMAGE, Map.of("title", Change.of("A", "B")))));
        assertEquals(json("{\"tags\":{\"old\":[\"sea\"],\"new\":[\"sea\",\"sun\"]}}"),
                changes(new TagsChanged(null, AT, IMAGE, List.of("sea"), List.of("sea", "sun"))));
        assertEquals(json("{\"labels\":{\"old\":[],\"new\":[\"red\"]}}"),
                changes(new LabelsChanged(null, AT, IMAGE, null, List.of("red"))));
    }

    @Test
    void otherObjectsInMetadataAreWrittenByJsonb() {
        Metadata meta = Metadata.custom(Map.of("since", Instant.parse("2026-01-01T00:00:00Z"), "owner", new Owner("anna", 3)));
        Asset asset = Asset.file("u", null, null, null, null, null, meta);
        assertEquals(json("{\"meta\":{\"custom\":" + "{\"owner\":{\"name\":\"anna\",\"rank\":3},"
                        + "\"since\":\"2026-01-01T00:00:00Z\"}}}").getJsonObject("meta").getJsonObject("custom"),
                asset(asset, List.of("meta.custom")).getJsonObject("meta").getJsonObject("custom"));
    }

    @Test
    void theAssetPartIsSerialisedOncePerDistinctApplicableSelection() {
        PayloadBuilder builder = PayloadBuilder.of(new AssetUploaded(null, AT, IMAGE), "evt_1");
        String a = builder.body("wh_1", "one", List.of("file.name", "image.width"));
        String b = builder.body("wh_2", "two", List.of("image.width", "file.name"));
        // video fields do not apply to an image: the same asset part as the first two
        String c = builder.body("wh_3", "three", List.of("file.name", "image.width", "video.length"));
        builder.body("wh_4", "four", List.of("file.uuid"));
        assertEquals(2, builder.serialisedSelections());
        assertNotSame(a, b);
        assertEquals(a.replace("wh_1", "wh_3").replace("\"one\"", "\"three\""), c);
        assertEquals(data(a).getJsonObject("asset"), data(b).getJsonObject("asset"));
        assertEquals(json("{\"id\":\"wh_2\",\"name\":\"two\"}"), data(b).getJsonObject("webhook"));
    }

    @Test
    void twoHundredMetadataEntriesGoThroughInOrder() {
        // speed is measured by the JMH benchmark, not here: this machine's timings are too noisy to assert
        Map<String, Object> custom = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) custom.put("field" + i, "value number " + i);
        Asset asset = Asset.file("u", "n", 1L, "/n", "image/png", "https://cdn/n", Metadata.custom(custom));
        JsonObject sent = asset(asset, List.of("meta.custom")).getJsonObject("meta").getJsonObject("custom");
        assertEquals(List.copyOf(custom.keySet()), List.copyOf(sent.keySet()));
        assertEquals("value number 199", sent.getString("field199"));
    }

    public record Owner(String name, int rank) { }

    private static JsonObject asset(Asset asset, List<String> fields) {
        return data(new AssetUploaded(null, AT, asset), fields).getJsonObject("asset");
    }

    private static JsonObject changes(AssetEvent event) {
        return data(event, List.of("file.uuid")).getJsonObject("changes");
    }

    private static JsonObject data(AssetEvent event, List<String> fields) {
        return data(PayloadBuilder.of(event, "evt_1").body("wh_1", "PIM", fields));
    }

    private static JsonObject data(String body) {
        JsonObject envelope = json(body);
        assertEquals(List.of("type", "timestamp", "data"), List.copyOf(envelope.keySet()));
        return envelope.getJsonObject("data");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        return map;
    }

    @org.junit.jupiter.api.Test
    void theTimestampIsInMillisecondsAsTheContractShowsIt() {
        Asset asset = Asset.file("u-1", "a.jpg", 1L, "/a.jpg", "image/jpeg", null, null);
        AssetEvent event = new AssetUploaded("e-1", java.time.Instant.parse("2026-11-29T10:00:00.120456789Z"), asset);
        String body = PayloadBuilder.of(event, "e-1").body("wh_1", "PIM", java.util.List.of("file.uuid"));
        assertTrue(body.startsWith("{\"type\":\"asset.uploaded\",\"timestamp\":\"2026-11-29T10:00:00.120Z\""), body);
    }
}
