package io.damwebhooks.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.DurablePostgres;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.ScriptedReceiver;
import io.damwebhooks.it.support.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A redeploy inside one JVM, Payara Micro's own: restarted with the same {@code --rootdir}, it deploys the
 * application it kept, then replaces it. Twenty deliveries are in flight to a slow receiver when the first
 * process stops. The kept application must stop cleanly when it is replaced — before, it kept claiming
 * from a dead context, and on PostgreSQL the new deployment delivered nothing at all — and whatever it held
 * goes back to the table, so that every delivery arrives soon after the new deployment answers, with no
 * failed attempt in the log. (An attempt in flight at the SIGTERM may reach the receiver twice: Payara Micro
 * exits without stopping its applications, and the restart releases the leases instead.)
 */
class RedeployIT {

    static final int EVENTS = 20;
    static final Duration ANSWER_AFTER = Duration.ofSeconds(2);

    @Test
    void onH2() throws Exception {
        redeploy(Map.of());
    }

    @Test
    void onPostgreSql() throws Exception {
        try (EmbeddedPostgres postgres = DurablePostgres.start()) {
            redeploy(Map.of("WEBHOOKS_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "WEBHOOKS_DB_USER", "postgres", "WEBHOOKS_DB_PASSWORD", "postgres"));
        }
    }

    private void redeploy(Map<String, String> database) throws Exception {
        Map<String, String> environment = new HashMap<>(database);
        environment.putAll(Map.of("WEBHOOKS_DELIVERY_ALLOW_HTTP", "true", "WEBHOOKS_DELIVERY_ALLOW_PRIVATE_NETWORKS", "true",
                "WEBHOOKS_DELIVERY_TIMEOUT", "30s"));
        Map<String, Long> arrivals = new java.util.concurrent.ConcurrentHashMap<>();
        try (ScriptedReceiver slow = new ScriptedReceiver().on("/hook", request -> {
            arrivals.put(request.header("webhook-id"), System.nanoTime());
            pause(ANSWER_AFTER); // a slow receiver, not a synchronisation
            return ScriptedReceiver.Answer.of(204);
        })) {
            ServiceProcess first = ServiceProcess.start(Deployments.freshHome(), environment);
            Api.Reply created = Api.admin(first.base()).post("webhooks", """
                    {"name": "slow", "url": "%s", "triggers": [{"event": "asset.moved"}]}""".formatted(slow.url("/hook")));
            assertEquals(201, created.status(), created.toString());
            for (int i = 0; i < EVENTS; i++) {
                Api.Reply accepted = Api.publisher(first.base()).post("events", """
                        {"id": "redeploy-%d", "type": "asset.moved", "asset": {"uuid": "a-%d", "name": "x.jpg", "path": "/b/x.jpg"},
                         "changes": {"path": {"old": "/a/x.jpg", "new": "/b/x.jpg"}}}""".formatted(i, i));
                assertEquals(202, accepted.status(), accepted.toString());
            }
            Poll.until(Duration.ofSeconds(30), slow.requests::size, n -> n >= 16, "deliveries in flight to the slow receiver");
            first.close(); // SIGTERM while they are in flight
            slow.requests.clear();
            arrivals.clear();

            try (ServiceProcess second = first.restartInSameRuntime()) {
                long answering = System.nanoTime();
                Set<String> arrived = Poll.until(Duration.ofSeconds(30),
                        () -> slow.requests.stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet()),
                        ids -> ids.size() >= EVENTS, "every delivery arrives after the redeploy");
                long last = arrivals.values().stream().mapToLong(Long::longValue).max().orElseThrow();
                long tookMs = (last - answering) / 1_000_000;
                // measured here: 1-10 s (the first claims of a deployment that replaced a kept one are slow on
                // Payara Micro); before the clean stop, 60-90 s on PostgreSQL, or never
                assertTrue(tookMs < 15_000, "sent within 15 s of the new deployment answering: " + tookMs + " ms; arrivals (ms): "
                        + arrivals.values().stream().map(t -> (t - answering) / 1_000_000).sorted().toList());
                for (String id : arrived) {
                    JsonObject delivery = Poll.until(Duration.ofSeconds(30), () -> Api.admin(second.base()).get("deliveries/" + id).json(),
                            d -> "succeeded".equals(d.getString("status")), id + " recorded as succeeded");
                    assertEquals(1, delivery.getJsonArray("attempts").size(), "no attempt counted for an interrupted one: " + delivery);
                }
                String log = Files.readString(second.log(), StandardCharsets.ISO_8859_1);
                assertTrue(log.contains(" stopped"), "the kept deployment's dispatcher stopped when it was replaced");
                assertFalse(log.contains("WELD-001303"), "nothing ran in a destroyed context");
                assertFalse(log.contains("Claiming deliveries failed"), "no claim failed after the redeploy");
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
