package io.damwebhooks.it.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A DAM changing the metadata of {@code assets} assets, {@code perAsset} times each: one asset's events
 * are posted one after another (each answered 202 before the asset's next is posted, so acceptance order
 * is well defined), different assets' concurrently. Event {@code r} of an asset goes to the
 * {@code r}-th publisher in turn (several instances); one that does not answer 202 is retried, on the
 * next publisher, with the same id (intake is idempotent).
 */
public final class AssetEvents implements AutoCloseable {

    /** Per asset uuid, its event ids in the order they were accepted. */
    public final Map<String, List<String>> acceptedPerAsset = new ConcurrentHashMap<>();
    public final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads;

    public AssetEvents(List<Api> publishers, String prefix, int assets, int perAsset, int threadCount, long pauseMillis) {
        threads = Executors.newFixedThreadPool(threadCount);
        for (int t = 0; t < threadCount; t++) {
            int thread = t;
            threads.execute(() -> {
                for (int round = 0; round < perAsset; round++) {
                    for (int asset = thread; asset < assets; asset += threadCount) {
                        String uuid = prefix + "-asset-" + asset;
                        String id = prefix + "-" + asset + "-" + round;
                        int attempt = round;
                        while (!post(publishers.get(attempt++ % publishers.size()), id, uuid, round)) {
                            if (!pause(50)) return; // down, or starting: the DAM tries again
                        }
                        acceptedPerAsset.computeIfAbsent(uuid, a -> Collections.synchronizedList(new ArrayList<>())).add(id);
                        accepted.add(id);
                        if (!pause(pauseMillis)) return;
                    }
                }
            });
        }
        threads.shutdown();
    }

    /** Whether every event has been accepted. */
    public boolean finished() {
        return threads.isTerminated();
    }

    private static boolean post(Api publisher, String id, String uuid, int round) {
        try {
            return publisher.post("events", """
                    {"id": "%s", "type": "asset.metadata_changed", "asset": {"uuid": "%s", "name": "a.jpg"},
                     "changes": {"meta": {"revision": {"old": %d, "new": %d}}}}""".formatted(id, uuid, round, round + 1))
                    .status() == 202;
        } catch (RuntimeException noAnswer) {
            return false;
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis); // pacing the DAM, not a synchronisation
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(1, TimeUnit.MINUTES);
    }
}
