package com.example.dam.asset.control;

import com.example.dam.asset.entity.Asset;
import io.damwebhooks.api.AssetDeleted;
import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.api.AssetMoved;
import io.damwebhooks.api.AssetRenamed;
import io.damwebhooks.api.AssetUploaded;
import io.damwebhooks.api.Change;
import io.damwebhooks.api.LabelsChanged;
import io.damwebhooks.api.MetadataChanged;
import io.damwebhooks.api.TagsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the DAM does to its assets. Each change and the event that reports it share one JTA
 * transaction: DAM Webhooks records the deliveries in it, so they commit together or not at all.
 */
@ApplicationScoped
@Transactional
public class Assets {

    @PersistenceContext(unitName = "dam")
    EntityManager em;

    @Inject
    Event<AssetEvent> events;

    public Asset upload(String name, String folder, Long size, String mimeType, Integer width, Integer height) {
        Asset asset = new Asset(name, folder, size, mimeType, width, height);
        em.persist(asset);
        return fireAndFlush(asset, new AssetUploaded(Snapshots.of(asset)));
    }

    public Asset move(String uuid, String folder) {
        Asset asset = find(uuid);
        String oldPath = asset.path();
        asset.moveTo(folder);
        return fireAndFlush(asset, new AssetMoved(Snapshots.of(asset), oldPath, asset.path()));
    }

    public Asset rename(String uuid, String name) {
        Asset asset = find(uuid);
        String oldName = asset.name();
        asset.rename(name);
        return fireAndFlush(asset, new AssetRenamed(Snapshots.of(asset), oldName, name));
    }

    public void delete(String uuid) {
        Asset asset = find(uuid);
        em.remove(asset);
        fireAndFlush(asset, new AssetDeleted(Snapshots.of(asset)));
    }

    /** Sets the given custom metadata fields (a null value removes one); reports only what changed. */
    public Asset changeMetadata(String uuid, Map<String, String> fields) {
        Asset asset = find(uuid);
        Map<String, String> meta = new LinkedHashMap<>(asset.customMeta());
        Map<String, Change<?>> changes = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            String old = value == null ? meta.remove(field) : meta.put(field, value);
            if (!Objects.equals(old, value)) changes.put(field, Change.of(old, value));
        });
        if (changes.isEmpty()) return asset;
        asset.customMeta(meta);
        return fireAndFlush(asset, new MetadataChanged(Snapshots.of(asset), changes));
    }

    public Asset changeTags(String uuid, List<String> tags) {
        Asset asset = find(uuid);
        List<String> old = asset.tags();
        if (old.equals(tags)) return asset;
        asset.tags(tags);
        return fireAndFlush(asset, new TagsChanged(Snapshots.of(asset), old, tags));
    }

    public Asset changeLabels(String uuid, List<String> labels) {
        Asset asset = find(uuid);
        List<String> old = asset.labels();
        if (old.equals(labels)) return asset;
        asset.labels(labels);
        return fireAndFlush(asset, new LabelsChanged(Snapshots.of(asset), old, labels));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Asset> get(String uuid) {
        return Optional.ofNullable(em.find(Asset.class, uuid));
    }

    private Asset find(String uuid) {
        return get(uuid).orElseThrow(() -> new UnknownAsset(uuid));
    }

    /**
     * The event goes out inside the transaction; the flush after it makes a conflict (a path taken
     * by another asset) this method's exception rather than a failed commit. Either way the
     * transaction rolls back, and the deliveries recorded for the event with it.
     */
    private Asset fireAndFlush(Asset asset, AssetEvent event) {
        events.fire(event);
        em.flush();
        return asset;
    }
}
