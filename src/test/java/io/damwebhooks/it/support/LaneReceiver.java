package io.damwebhooks.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The receiver of a per-asset webhook, answering at random: slow (100–300 ms, then 204), 503, or 204 at
 * once. It notes, per asset, which event every request carried in the order they arrived (failed attempts
 * included), and any request that arrived while another one of the same asset was still being answered.
 * {@link #orderProblems} then says whether each asset's deliveries came one at a time in acceptance order.
 */
public final class LaneReceiver implements AutoCloseable {

    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern ASSET = Pattern.compile("\"asset\"\\s*:\\s*\\{\\s*\"uuid\"\\s*:\\s*\"([^\"]*)\"");

    /** Per asset: the event of every request, in arrival order. */
    public final Map<String, List<String>> arrivals = new ConcurrentHashMap<>();
    /** Events answered with a 2xx. */
    public final Set<String> succeeded = ConcurrentHashMap.newKeySet();
    /** Requests that came while another of the same asset was being answered. */
    public final Queue<String> overlaps = new ConcurrentLinkedQueue<>();
    public final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final DeliveredBodies bodies = new DeliveredBodies();

    public LaneReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String asset = null;
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            bodies.check(exchange.getRequestHeaders().getFirst("webhook-id"), body);
            Matcher event = EVENT_ID.matcher(body);
            Matcher uuid = ASSET.matcher(body);
            if (!event.find() || !uuid.find()) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            asset = uuid.group(1);
            requests.incrementAndGet();
            if (inFlight.computeIfAbsent(asset, a -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.add(asset + ": " + event.group(1) + " while another was being answered");
            }
            arrivals.computeIfAbsent(asset, a -> Collections.synchronizedList(new ArrayList<>())).add(event.group(1));
            double dice = ThreadLocalRandom.current().nextDouble();
            if (dice < 0.2) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(100, 300)); // a slow receiver's own work
            } else if (dice < 0.4) {
                inFlight.get(asset).decrementAndGet();
                asset = null;
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            succeeded.add(event.group(1));
            inFlight.get(asset).decrementAndGet();
            asset = null;
            exchange.sendResponseHeaders(204, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (asset != null) inFlight.get(asset).decrementAndGet();
            exchange.close();
        }
    }

    /**
     * For each asset, its events in acceptance order against what arrived: with repeats of the same event
     * in a row taken as one (retries, and the resend of what was in flight at a kill), the arrivals must
     * follow acceptance order. Answers what broke the order, empty when nothing did.
     */
    public List<String> orderProblems(Map<String, List<String>> acceptedPerAsset) {
        List<String> problems = new ArrayList<>(overlaps);
        acceptedPerAsset.forEach((asset, accepted) -> {
            List<String> got;
            synchronized (arrivals.getOrDefault(asset, List.of())) {
                got = List.copyOf(arrivals.getOrDefault(asset, List.of()));
            }
            int last = -1;
            String previous = null;
            for (String event : got) {
                if (event.equals(previous)) continue;
                int index = accepted.indexOf(event);
                if (index <= last) problems.add(asset + ": " + event + " (accepted #" + index + ") arrived after #" + last + " in " + got);
                last = Math.max(last, index);
                previous = event;
            }
        });
        return problems;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        bodies.assertAllValid();
    }
}
