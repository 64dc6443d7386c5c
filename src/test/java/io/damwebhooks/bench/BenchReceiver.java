package io.damwebhooks.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CountDownLatch;

/**
 * A fast receiver on loopback for the benchmarks: answers 204 at once, counts first arrivals per path
 * (deduplicated on {@code webhook-id}, as receivers should), and notes when each event's delivery
 * arrived. One path can be made to hang.
 */
final class BenchReceiver implements AutoCloseable {

    final Map<String, AtomicLong> perPath = new ConcurrentHashMap<>();
    final Map<String, Long> arrivals = new ConcurrentHashMap<>();   // webhook-id -> nanoTime of first arrival
    final Map<String, String> eventOf = new ConcurrentHashMap<>();  // webhook-id -> eventId
    final AtomicLong total = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    volatile String hangingPath;
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(64);

    BenchReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (path.equals(hangingPath)) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        if (id != null && arrivals.putIfAbsent(id, now) == null) {
            perPath.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
            eventOf.put(id, eventId(body));
            total.incrementAndGet();
        } else {
            duplicates.incrementAndGet();
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    long count(String path) {
        AtomicLong count = perPath.get(path);
        return count == null ? 0 : count.get();
    }

    private static String eventId(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf("\"eventId\":\"");
        if (at < 0) return null;
        int start = at + 11;
        return text.substring(start, text.indexOf('"', start));
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
