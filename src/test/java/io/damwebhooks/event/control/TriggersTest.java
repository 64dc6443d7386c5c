package io.damwebhooks.event.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.api.Asset;
import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.api.AssetMoved;
import io.damwebhooks.api.AssetUploaded;
import io.damwebhooks.api.Change;
import io.damwebhooks.api.MetadataChanged;
import io.damwebhooks.webhook.entity.Trigger;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggersTest {

    private static final Asset ASSET = Asset.file("u1", "a.jpg", 1L, "/a.jpg", "image/jpeg", null, null);

    @Test
    void aTriggerFiresOnTheEventItNamesOnly() {
        AssetEvent uploaded = new AssetUploaded(ASSET);
        assertTrue(Triggers.fire(List.of(trigger("asset.uploaded")), uploaded));
        assertFalse(Triggers.fire(List.of(trigger("asset.moved")), uploaded));
        assertTrue(Triggers.fire(List.of(trigger("asset.moved"), trigger("asset.uploaded")), uploaded));
        assertTrue(Triggers.fire(List.of(trigger("asset.moved")), new AssetMoved(ASSET, "/b.jpg", "/a.jpg")));
    }

    @Test
    void noTriggersFireNothing() {
        assertFalse(Triggers.fire(List.of(), new AssetUploaded(ASSET)));
        assertFalse(Triggers.fire(null, new AssetUploaded(ASSET)));
    }

    @Test
    void metadataTriggerWithoutFieldOrValueFiresOnAnyChange() {
        assertTrue(fires(null, null, Map.of("status", Change.of("draft", "approved"))));
        assertTrue(fires("", " ", Map.of("status", Change.of("draft", "approved"))));
        assertTrue(fires(null, null, Map.of()));
    }

    @Test
    void metadataTriggerWithFieldFiresWhenThatFieldChanged() {
        assertTrue(fires("status", null, Map.of("status", Change.of("draft", "approved"))));
        assertFalse(fires("status", null, Map.of("title", Change.of("a", "b"))));
        assertTrue(fires("status", null, Map.of("status", Change.of("draft", null))));
    }

    @Test
    void metadataTriggerWithFieldAndValueComparesTheNewValue() {
        assertTrue(fires("status", "approved", Map.of("status", Change.of("draft", "approved"))));
        assertFalse(fires("status", "approved", Map.of("status", Change.of("approved", "draft"))));
        assertFalse(fires("status", "approved", Map.of("status", Change.of("approved", null))));
        assertFalse(fires("status", "approved", Map.of("title", Change.of("x", "approved"))));
        assertFalse(fires("status", "Approved", Map.of("status", Change.of("draft", "approved"))));
    }

    @Test
    void metadataTriggerWithValueOnlyFiresWhenAnyFieldGetsIt() {
        Map<String, Change<?>> changes = new LinkedHashMap<>();
        changes.put("title", Change.of("a", "b"));
        changes.put("status", Change.of("draft", "approved"));
        assertTrue(fires(null, "approved", changes));
        assertFalse(fires(null, "rejected", changes));
    }

    @Test
    void valuesAreComparedAsText() {
        assertTrue(fires("rating", "5", Map.of("rating", Change.of(4L, 5L))));
        assertTrue(fires("price", "1.50", Map.of("price", Change.of(null, new BigDecimal("1.50")))));
        assertTrue(fires("public", "true", Map.of("public", Change.of(false, true))));
        assertFalse(fires("rating", "5", Map.of("rating", Change.of(4L, 6L))));
    }

    @Test
    void fieldAndValueBelongToMetadataChangesOnly() {
        // a trigger on another event with a field (which validation refuses) still fires on its event
        assertTrue(Triggers.fire(List.of(new Trigger("asset.uploaded", "status", "x")), new AssetUploaded(ASSET)));
    }

    private static boolean fires(String field, String value, Map<String, Change<?>> changes) {
        return Triggers.fire(List.of(new Trigger("asset.metadata_changed", field, value)),
                new MetadataChanged(ASSET, changes));
    }

    private static Trigger trigger(String event) {
        return new Trigger(event, null, null);
    }
}
