package io.damwebhooks.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP receiver on loopback for tests: answers 204 after {@code delayMillis}, remembers every
 * {@code webhook-id} it saw and how often, and how many requests are being handled right now. Closing
 * it fails the test if a body it got did not match its event type's schema ({@link DeliveredBodies}).
 */
public final class Receiver implements AutoCloseable {

    public final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    /** When each message first arrived ({@link System#nanoTime()}). */
    public final Map<String, Long> firstSeenAt = new ConcurrentHashMap<>();
    /** When each message last arrived ({@link System#nanoTime()}). */
    public final Map<String, Long> lastSeenAt = new ConcurrentHashMap<>();
    /** The {@code data.eventId} of every body received. */
    public final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    public final AtomicInteger inFlight = new AtomicInteger();
    /** Every request, in the order it arrived, when made by {@link #recording}: for checks of bodies and signatures. */
    public final Queue<Message> messages = new ConcurrentLinkedQueue<>();
    private volatile boolean record;
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]*)\"");
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final long delayMillis;
    private final DeliveredBodies bodies = new DeliveredBodies();

    public Receiver(long delayMillis) {
        this(delayMillis, 0);
    }

    /** On a given port (0: any free one), e.g. one that webhooks already point at while nothing listened. */
    public Receiver(long delayMillis, int port) {
        this.delayMillis = delayMillis;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** One that also keeps every request it got in {@link #messages} (not for tests of many thousands). */
    public static Receiver recording(long delayMillis) {
        Receiver receiver = new Receiver(delayMillis);
        receiver.record = true;
        return receiver;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Distinct messages received. */
    public Set<String> ids() {
        return seen.keySet();
    }

    /** Receptions beyond the first of each message. */
    public int duplicates() {
        return seen.values().stream().mapToInt(count -> count.get() - 1).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (record) messages.add(new Message(exchange.getRequestHeaders(), body));
            bodies.check(exchange.getRequestHeaders().getFirst("webhook-id"), body);
            Matcher eventId = EVENT_ID.matcher(body);
            if (eventId.find()) eventIds.add(eventId.group(1));
            if (delayMillis > 0) Thread.sleep(delayMillis); // the receiver's own work, not a synchronisation
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id != null) {
                long now = System.nanoTime();
                firstSeenAt.putIfAbsent(id, now);
                lastSeenAt.put(id, now);
                seen.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    /** One request as it arrived. */
    public record Message(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        bodies.assertAllValid();
    }
}
