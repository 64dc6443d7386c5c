package io.damwebhooks.event.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.damwebhooks.api.Asset;
import io.damwebhooks.api.AssetDeleted;
import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.api.AssetMoved;
import io.damwebhooks.api.AssetRenamed;
import io.damwebhooks.api.AssetUploaded;
import io.damwebhooks.api.Change;
import io.damwebhooks.api.EventType;
import io.damwebhooks.api.InfoChanged;
import io.damwebhooks.api.LabelsChanged;
import io.damwebhooks.api.Metadata;
import io.damwebhooks.api.MetadataChanged;
import io.damwebhooks.api.TagsChanged;
import io.damwebhooks.it.support.EventSchemas;
import io.damwebhooks.webhook.entity.PayloadField;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog's schemas against bodies the payload builder writes, for every type, kind of asset and selection. */
class EventTypesTest {

    private static final EventSchemas SCHEMAS = new EventSchemas(new EventTypes().catalog().toString());
    private static final Map<String, Object> NESTED = new HashMap<>(Map.of("a", List.of(1L, "two")));
    private static final Metadata META = new Metadata(Map.of("createdBy", "anna"), Map.of("status", "approved", "nested", NESTED),
            Map.of("exif", Map.of("iso", 200L)));
    private static final Asset IMAGE = new Asset("u-img", "beach.jpg", 48211L, "/summer/beach.jpg", "image/jpeg",
            "https://cdn.example.com/summer/beach.jpg", 1920, 1080, null, null, null, META);
    private static final Asset VIDEO = new Asset("u-vid", "clip.mp4", 9000L, "/v/clip.mp4", "video/mp4",
            "https://cdn.example.com/v/clip.mp4", 1280, 720, 61.5, 4_000_000L, "https://cdn/clip.m3u8", META);

    @Test
    void everyEventTypeIsListedWebhookTestIncluded() {
        Set<String> expected = Stream.concat(Arrays.stream(EventType.values()).map(EventType::wireName), Stream.of("webhook.test"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, new TreeSet<>(SCHEMAS.types()));
    }

    @Test
    void bodiesOfEveryTypeValidateWithEveryFieldAndWithFew() {
        List<String> all = Arrays.stream(PayloadField.values()).map(PayloadField::selector).toList();
        List<String> few = List.of("file.uuid", "meta.custom");
        for (Asset asset : List.of(IMAGE, VIDEO)) {
            for (AssetEvent event : events(asset)) {
                for (List<String> selection : List.of(all, few, List.<String>of())) {
                    String body = PayloadBuilder.of(event, "evt_1").body("wh_1", "PIM sync", selection);
                    assertEquals(List.of(), SCHEMAS.problems(body), body);
                }
            }
        }
    }

    @Test
    void aBodyThatBreaksItsSchemaIsCaught() {
        String body = PayloadBuilder.of(new AssetUploaded(IMAGE), "evt_1")
                .body("wh_1", "PIM sync", List.of("image.width", "file.uuid"));
        assertFalse(SCHEMAS.problems(body.replace("\"width\":1920", "\"width\":\"1920\"")).isEmpty());
        assertFalse(SCHEMAS.problems(body.replace("\"data\":{", "\"data\":{\"changes\":{},")).isEmpty());
    }

    private static List<AssetEvent> events(Asset asset) {
        return List.of(new AssetUploaded(asset), new AssetDeleted(asset),
                new AssetMoved(asset, "/old/x", asset.path()), new AssetRenamed(asset, "old.jpg", asset.name()),
                new MetadataChanged(asset, Map.of("status", Change.of("draft", "approved"), "rating", Change.of(null, 5L))),
                new InfoChanged(asset, Map.of("title", Change.of("Beach", "Summer beach"))),
                new TagsChanged(asset, List.of("sea"), List.of("sea", "sun")),
                new LabelsChanged(asset, List.of(), List.of("hero")));
    }
}
