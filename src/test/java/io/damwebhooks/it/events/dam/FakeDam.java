package io.damwebhooks.it.events.dam;

import io.damwebhooks.api.Asset;
import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.api.AssetMoved;
import io.damwebhooks.api.AssetUploaded;
import io.damwebhooks.api.Change;
import io.damwebhooks.api.Metadata;
import io.damwebhooks.api.MetadataChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Map;

/**
 * Test only: plays the DAM, which fires events inside its own transaction and then commits or rolls
 * back. Deployed into the WAR by the events IT; never part of the product.
 */
@ApplicationScoped
public class FakeDam {

    public enum Outcome { COMMIT, ROLLBACK, NO_TRANSACTION }

    @Inject
    Event<AssetEvent> events;

    @Inject
    UserTransaction transaction;

    /** Fires three events (ids {@code key-moved}, {@code key-uploaded}, {@code key-meta}) and ends as told. */
    public void change(String key, Outcome outcome) throws Exception {
        if (outcome == Outcome.NO_TRANSACTION) {
            fire(key);
            return;
        }
        transaction.begin();
        try {
            fire(key);
        } finally {
            if (outcome == Outcome.COMMIT) transaction.commit();
            else transaction.rollback();
        }
    }

    private void fire(String key) {
        Asset asset = new Asset("uuid-" + key, "beach.jpg", 48211L, "/archive/beach.jpg", "image/jpeg",
                "https://cdn.example.com/archive/beach.jpg", 1920, 1080, null, null, null,
                Metadata.custom(Map.of("status", "approved")));
        events.fire(new AssetMoved(key + "-moved", null, asset, "/summer/beach.jpg", "/archive/beach.jpg"));
        events.fire(new AssetUploaded(key + "-uploaded", null, asset));
        events.fire(new MetadataChanged(key + "-meta", null, asset, Map.of("status", Change.of("draft", "approved"))));
    }

    public static List<String> ids(String key) {
        return List.of(key + "-moved", key + "-uploaded", key + "-meta");
    }
}
