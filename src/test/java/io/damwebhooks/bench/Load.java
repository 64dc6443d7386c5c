package io.damwebhooks.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/** Sends requests with a fixed concurrency (or at a fixed rate), over one reused JDK HttpClient. */
public final class Load {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** When each event was accepted (202 received), by event id. */
    final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();

    /**
     * POSTs {@code count} requests built by {@code body}, at most {@code concurrency} at once; returns
     * seconds taken. Throws when any was not answered with a 2xx: a figure must not count refusals.
     */
    public static double post(URI target, String authorization, int count, int concurrency, IntFunction<byte[]> body) {
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger refused = new AtomicInteger();
        AtomicReference<String> firstRefusal = new AtomicReference<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                slots.acquire();
                HTTP.sendAsync(request(target, authorization, body.apply(i)), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((r, e) -> {
                            if (e != null || r.statusCode() / 100 != 2) {
                                refused.incrementAndGet();
                                firstRefusal.compareAndSet(null, e != null ? e.toString() : "HTTP " + r.statusCode());
                            }
                            slots.release();
                        });
            }
            slots.acquire(concurrency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " of " + count + " requests to " + target + " failed, first: " + firstRefusal.get());
        }
        return seconds;
    }

    /** POSTs events at a steady {@code perSecond}, noting when each was accepted. */
    void postAtRate(URI events, String authorization, int count, int perSecond, IntFunction<String> eventId) {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
            String id = eventId.apply(i);
            pool.execute(() -> {
                try {
                    HttpResponse<Void> r = HTTP.send(request(events, authorization, Events.body(id)), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 202) acceptedAt.put(id, System.nanoTime());
                } catch (Exception e) {
                    // counted as lost by the caller
                } 
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static HttpRequest request(URI target, String authorization, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) request.header("Authorization", authorization);
        return request.build();
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
