package io.damwebhooks.event.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.api.Asset;
import io.damwebhooks.api.AssetMoved;
import io.damwebhooks.api.AssetRenamed;
import io.damwebhooks.api.AssetUploaded;
import io.damwebhooks.api.Change;
import io.damwebhooks.api.EventType;
import io.damwebhooks.api.Metadata;
import io.damwebhooks.api.MetadataChanged;
import io.damwebhooks.api.TagsChanged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public event API as a DAM uses it: defaults, copies, and the rules its constructors keep. */
class ApiEventsTest {

    private static final Asset ASSET = Asset.file("u", "b.jpg", 1L, "/new/b.jpg", "image/jpeg", null, null);

    @Test
    void shortConstructorsHappenNowWithoutId() {
        AssetUploaded uploaded = new AssetUploaded(ASSET);
        assertEquals(null, uploaded.id());
        assertNotNull(uploaded.occurredAt());
        assertEquals(EventType.UPLOADED, uploaded.type());
        assertEquals(Map.of(), uploaded.changes());
        assertEquals(Metadata.EMPTY, ASSET.meta());
    }

    @Test
    void theNewPathAndNameDefaultToTheAssets() {
        assertEquals(Change.of("/old/b.jpg", "/new/b.jpg"), new AssetMoved(ASSET, "/old/b.jpg", null).changes().get("path"));
        assertEquals(Change.of("a.jpg", "b.jpg"), new AssetRenamed(ASSET, "a.jpg", null).changes().get("name"));
    }

    @Test
    void eventsDoNotChangeWhenTheDamsCollectionsDo() {
        Map<String, Object> custom = new HashMap<>();
        custom.put("status", "draft");
        custom.put("empty", null);
        Metadata meta = Metadata.custom(custom);
        custom.put("status", "approved");
        assertEquals("draft", meta.custom().get("status"));
        assertTrue(meta.custom().containsKey("empty"));
        assertThrows(UnsupportedOperationException.class, () -> meta.custom().put("x", 1));

        List<String> tags = new ArrayList<>(List.of("a"));
        TagsChanged changed = new TagsChanged(ASSET, null, tags);
        tags.add("b");
        assertEquals(List.of("a"), changed.newTags());
        assertEquals(List.of(), changed.oldTags());

        Map<String, Change<?>> changes = new HashMap<>();
        changes.put("status", Change.of("draft", "approved"));
        MetadataChanged metadataChanged = new MetadataChanged(ASSET, changes);
        changes.clear();
        assertEquals(1, metadataChanged.meta().size());
    }

    @Test
    void anAssetNeedsItsUuidAndAnEventItsAsset() {
        assertThrows(NullPointerException.class, () -> Asset.file(null, null, null, null, null, null, null));
        assertThrows(NullPointerException.class, () -> new AssetUploaded(null));
    }

    @Test
    void anIdIsOneTo200CharactersWithoutControlCharacters() {
        assertEquals("x".repeat(200), new AssetUploaded("x".repeat(200), null, ASSET).id());
        assertThrows(IllegalArgumentException.class, () -> new AssetUploaded("x".repeat(201), null, ASSET));
        assertThrows(IllegalArgumentException.class, () -> new AssetUploaded(" ", null, ASSET));
        assertThrows(IllegalArgumentException.class, () -> new AssetUploaded("a\nb", null, ASSET));
    }

    @Test
    void kindsFollowTheMimeType() {
        assertTrue(ASSET.isImage());
        assertTrue(Asset.file("v", null, null, null, "video/mp4", null, null).isVideo());
        Asset other = Asset.file("d", null, null, null, "application/pdf", null, null);
        assertTrue(!other.isImage() && !other.isVideo());
    }
}
