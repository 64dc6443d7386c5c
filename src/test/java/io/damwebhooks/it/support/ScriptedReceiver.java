package io.damwebhooks.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * A real HTTP receiver on loopback that records every request and answers as each path's script says.
 * Closing it fails the test if a delivery it got did not match its event type's schema ({@link DeliveredBodies}).
 */
public final class ScriptedReceiver implements AutoCloseable {

    public record Request(String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public static Answer of(int status) {
            return new Answer(status, Map.of(), new byte[0]);
        }
        public static Answer of(int status, String body) {
            return new Answer(status, Map.of(), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    public final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final Map<String, Function<Request, Answer>> scripts = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final DeliveredBodies bodies = new DeliveredBodies();

    public ScriptedReceiver() {
        this(0);
    }

    /** On a given port, e.g. one a webhook already points to while nothing listened there. */
    public ScriptedReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public ScriptedReceiver on(String path, Function<Request, Answer> script) {
        scripts.put(path, script);
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            bodies.check(request.header("webhook-id"), request.body());
            Answer answer = scripts.getOrDefault(request.path(), r -> Answer.of(204)).apply(request);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) exchange.getResponseBody().write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        bodies.assertAllValid();
    }
}
