package io.damwebhooks.event.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.api.Asset;
import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.api.AssetMoved;
import io.damwebhooks.api.AssetRenamed;
import io.damwebhooks.api.AssetUploaded;
import io.damwebhooks.api.Change;
import io.damwebhooks.api.EventType;
import io.damwebhooks.api.LabelsChanged;
import io.damwebhooks.api.MetadataChanged;
import io.damwebhooks.api.TagsChanged;
import io.damwebhooks.platform.control.FieldError;
import io.damwebhooks.platform.control.InvalidInput;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventDocumentTest {

    @Test
    void theContractsExampleIsRead() {
        AssetEvent event = parse("""
                {"id": "dam-1", "type": "asset.metadata_changed", "occurredAt": "2026-11-29T10:00:00Z",
                 "asset": {"uuid": "u1", "name": "beach.jpg", "size": 48211, "path": "/summer/beach.jpg",
                           "mimeType": "image/jpeg", "cdnLink": "https://cdn.example.com/summer/beach.jpg",
                           "width": 1920, "height": 1080, "length": null, "bitrate": null, "playlistUrl": null,
                           "meta": {"system": {"v": 1}, "custom": {"status": "approved", "n": 1.50}, "embedded": {}}},
                 "changes": {"meta": {"status": {"old": "draft", "new": "approved"}}}}""");
        MetadataChanged changed = assertInstanceOf(MetadataChanged.class, event);
        assertEquals("dam-1", changed.id());
        assertEquals(Instant.parse("2026-11-29T10:00:00Z"), changed.occurredAt());
        Asset asset = changed.asset();
        assertEquals(new Asset("u1", "beach.jpg", 48211L, "/summer/beach.jpg", "image/jpeg",
                "https://cdn.example.com/summer/beach.jpg", 1920, 1080, null, null, null, asset.meta()), asset);
        assertEquals(Map.of("v", 1L), asset.meta().system());
        assertEquals(Map.of("status", "approved", "n", new BigDecimal("1.50")), asset.meta().custom());
        assertEquals(Map.of("status", Change.of("draft", "approved")), changed.meta());
    }

    @Test
    void eachTypeIsReadWithItsChanges() {
        String asset = "\"asset\": {\"uuid\": \"u\", \"name\": \"b.jpg\", \"path\": \"/new/b.jpg\"}";
        AssetMoved moved = assertInstanceOf(AssetMoved.class, parse("{\"type\": \"asset.moved\", " + asset
                + ", \"changes\": {\"path\": {\"old\": \"/old/b.jpg\", \"new\": \"/new/b.jpg\"}}}"));
        assertEquals("/old/b.jpg", moved.oldPath());
        AssetRenamed renamed = assertInstanceOf(AssetRenamed.class, parse("{\"type\": \"asset.renamed\", " + asset
                + ", \"changes\": {\"name\": {\"old\": \"a.jpg\"}}}"));
        assertEquals(Change.of("a.jpg", "b.jpg"), renamed.changes().get("name"));
        TagsChanged tags = assertInstanceOf(TagsChanged.class, parse("{\"type\": \"asset.tags_changed\", " + asset
                + ", \"changes\": {\"tags\": {\"old\": [\"a\"], \"new\": [\"a\", \"b\"]}}}"));
        assertEquals(List.of("a", "b"), tags.newTags());
        LabelsChanged labels = assertInstanceOf(LabelsChanged.class, parse("{\"type\": \"asset.labels_changed\", " + asset + "}"));
        assertEquals(List.of(), labels.oldLabels());
        for (EventType type : EventType.values()) {
            assertEquals(type, parse("{\"type\": \"" + type.wireName() + "\", " + asset + "}").type());
        }
    }

    @Test
    void absentIdAndTimeAreLeftToTheService() {
        Instant before = Instant.now();
        AssetEvent event = parse("{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\"}}");
        assertInstanceOf(AssetUploaded.class, event);
        assertNull(event.id());
        assertTrue(!event.occurredAt().isBefore(before));
        assertEquals("2026-11-29T09:00:00Z", parse("{\"type\": \"asset.uploaded\", \"occurredAt\": \"2026-11-29T10:00:00+01:00\","
                + " \"asset\": {\"uuid\": \"u\"}}").occurredAt().toString());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "[]                                                          | body",
            "42                                                          | body",
            "\"text\"                                                    | body",
            "null                                                        | body",
            "{\"type\": \"asset.uploaded\"                               | body",
            "{\"asset\": {\"uuid\": \"u\"}}                              | type",
            "{\"type\": \"asset.exploded\", \"asset\": {\"uuid\": \"u\"}} | type",
            "{\"type\": 5, \"asset\": {\"uuid\": \"u\"}}                 | type",
            "{\"type\": \"asset.uploaded\"}                              | asset",
            "{\"type\": \"asset.uploaded\", \"asset\": []}               | asset",
            "{\"type\": \"asset.uploaded\", \"asset\": {}}               | asset.uuid",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \" \"}} | asset.uuid",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": 7}}    | asset.uuid",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\", \"size\": \"12\"}}     | asset.size",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\", \"size\": -1}}         | asset.size",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\", \"width\": 1.5}}       | asset.width",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\", \"height\": 3000000000}} | asset.height",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\", \"length\": \"1\"}}    | asset.length",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\", \"name\": true}}       | asset.name",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\", \"mimetype\": \"x\"}}  | asset.mimetype",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\", \"meta\": []}}         | asset.meta",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\", \"meta\": {\"custom\": 1}}} | asset.meta.custom",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\", \"meta\": {\"other\": {}}}} | asset.meta.other",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\"}, \"extra\": 1}         | extra",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\"}, \"id\": 5}            | id",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\"}, \"id\": \"\"}         | id",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\"}, \"id\": \"a\\u0000b\"} | id",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\"}, \"occurredAt\": \"yesterday\"} | occurredAt",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\"}, \"occurredAt\": 5}    | occurredAt",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\"}, \"changes\": []}      | changes",
            "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\"}, \"changes\": {\"path\": {}}} | changes.path",
            "{\"type\": \"asset.moved\", \"asset\": {\"uuid\": \"u\"}, \"changes\": {\"path\": {\"old\": 1}}} | changes.path.old",
            "{\"type\": \"asset.moved\", \"asset\": {\"uuid\": \"u\"}, \"changes\": {\"path\": \"/a\"}} | changes.path",
            "{\"type\": \"asset.moved\", \"asset\": {\"uuid\": \"u\"}, \"changes\": {\"name\": {}}} | changes.name",
            "{\"type\": \"asset.moved\", \"asset\": {\"uuid\": \"u\"}, \"changes\": {\"path\": {\"older\": \"/a\"}}} | changes.path.older",
            "{\"type\": \"asset.metadata_changed\", \"asset\": {\"uuid\": \"u\"}, \"changes\": {\"meta\": {\"s\": 1}}} | changes.meta.s",
            "{\"type\": \"asset.info_changed\", \"asset\": {\"uuid\": \"u\"}, \"changes\": {\"info\": []}} | changes.info",
            "{\"type\": \"asset.tags_changed\", \"asset\": {\"uuid\": \"u\"}, \"changes\": {\"tags\": {\"new\": \"a\"}}} | changes.tags.new",
            "{\"type\": \"asset.labels_changed\", \"asset\": {\"uuid\": \"u\"}, \"changes\": {\"labels\": {\"new\": [\"a\", 2]}}} | changes.labels.new[1]",
    })
    void invalidEventsAreRefusedNamingTheField(String body, String field) {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> parse(body));
        assertTrue(invalid.errors().stream().map(FieldError::field).anyMatch(field::equals),
                () -> field + " not in " + invalid.errors());
    }

    @Test
    void anAssetUuidLongerThanAnEventIdIsRefused() {
        String uuid = "u".repeat(201);
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> parse("{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"" + uuid + "\"}}"));
        assertEquals(List.of("asset.uuid"), invalid.errors().stream().map(FieldError::field).toList());
        assertEquals(200, parse("{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"" + uuid.substring(1) + "\"}}")
                .asset().uuid().length());
        assertThrows(IllegalArgumentException.class, () -> io.damwebhooks.api.Asset.file(uuid, null, null, null, null, null, null));
    }

    @Test
    void everyErrorIsNamedAtOnce() {
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> parse("{\"type\": \"nope\", \"asset\": {\"size\": \"1\"}, \"id\": 1}"));
        assertEquals(List.of("id", "type", "asset.uuid", "asset.size"),
                invalid.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void deepNestingIsRefusedBeforeParsing() {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> parse(
                "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\", \"meta\": {\"custom\": {\"x\": " + nested + "}}}}"));
        assertEquals("body", invalid.errors().get(0).field());
        // brackets inside strings do not count; 90 levels of metadata are fine
        String deep = "[".repeat(90) + "\"[[[[{{\\\"\"" + "]".repeat(90);
        AssetEvent event = parse("{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\", \"meta\": {\"custom\": {\"x\": " + deep + "}}}}");
        assertTrue(event.asset().meta().custom().containsKey("x"));
    }

    private static AssetEvent parse(String body) {
        return EventDocument.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
