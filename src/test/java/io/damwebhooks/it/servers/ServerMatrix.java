package io.damwebhooks.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.EndlessBody;
import io.damwebhooks.it.support.OpenApiValidation;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.PrometheusText;
import io.damwebhooks.it.support.ScriptedReceiver;
import io.damwebhooks.it.support.ScriptedReceiver.Answer;
import io.damwebhooks.it.support.DurablePostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same black-box check on every server of the matrix, both generations, with the WAR as built and the
 * set-up of {@code server-config/}: the API and its roles, an event delivered to a loopback receiver with a
 * valid Standard Webhooks signature after a retry, the delivery log, the console, readiness, the server's
 * own /openapi and the metrics, Fault Tolerance's timeout on an attempt; the webhook still there after a
 * restart; then a signed delivery again with the tables in PostgreSQL through the server's own pool; and at
 * last the sample DAM's core checks ({@link SampleDam}) on the same server, the DAM's datasource holding the
 * outbox.
 *
 * <p>What the WAR alone decides — its own {@code openapi.yaml}, the text of its metrics — is checked once
 * per generation ({@link #checksTheWarItself()}), and the PostgreSQL round repeats only what depends on the
 * server's pool: each server start costs 15–30 s of a 2-core CI machine, so a check runs again only where
 * a server can make it come out differently.
 */
@Tag("servers")
abstract class ServerMatrix {

    abstract AppServer server();

    /** Whether the run ends with the sample DAM on this server ({@link SampleDam}). */
    boolean withSampleDam() {
        return true;
    }

    /** Whether this class also checks what the WAR alone decides (one class per generation). */
    boolean checksTheWarItself() {
        return false;
    }

    /** Checks of this server's own, with the service running on H2 (WildFly: the applications beside it). */
    void alsoOnThisServer(AppServer server) throws Exception {
    }

    /** The root properties an OpenAPI document may have (3.0 and 3.1), besides extensions ({@code x-…}). */
    static final Set<String> OPENAPI_ROOT = Set.of("openapi", "info", "servers", "paths", "components", "security",
            "tags", "externalDocs", "webhooks", "jsonSchemaDialect");

    @Test
    void deliversSignedOnBothDatabaseRoutesAndKeepsItsWebhooksAcrossARestart() throws Exception {
        try (AppServer server = server(); ScriptedReceiver receiver = new ScriptedReceiver()) {
            // every first attempt fails, every second succeeds: each check sees one retry
            AtomicInteger attempts = new AtomicInteger();
            receiver.on("/hook", request -> Answer.of(attempts.incrementAndGet() % 2 == 1 ? 503 : 204));
            Stopwatch time = new Stopwatch(server.name());
            server.start();
            time.lap("start");
            String kept = deliversSignedEvents(server, receiver, true);
            if (checksTheWarItself()) theWarsOwnDocuments(server);
            alsoOnThisServer(server);
            cutsOffASlowReceiverAtTheAttemptsTimeout(server);
            time.lap("checks on H2");

            server.restart();
            assertEquals(200, Api.admin(server.base()).get("webhooks/" + kept).status(), "the webhook survives a restart");
            time.lap("restart");

            try (EmbeddedPostgres postgres = DurablePostgres.start()) { // synchronous_commit on: the service refuses off
                createDatabase(postgres);
                server.usePostgresql(postgres.getPort());
                assertEquals(0, Api.admin(server.base()).get("webhooks").array().size(), "a new, empty database");
                // what the server's pool changes: the roles, the signed delivery after a retry, its log
                deliversSignedEvents(server, receiver, false);
                try (Connection db = postgres.getDatabase("webhooks", "webhooks").getConnection();
                     Statement statement = db.createStatement()) {
                    var rows = statement.executeQuery("select count(*) from delivery where status = 'succeeded'");
                    rows.next();
                    assertEquals(1, rows.getInt(1), "the delivery is recorded in PostgreSQL");
                }
                time.lap("PostgreSQL through the server's pool");
                if (withSampleDam()) {
                    SampleDam.check(server, postgres, receiver);
                    time.lap("the sample DAM");
                }
            }
            time.total();
        }
    }

    /**
     * Returns the id of the webhook it made. {@code all}: also what does not depend on the database — the
     * console, readiness, the server's /openapi and the metrics.
     */
    private static String deliversSignedEvents(AppServer server, ScriptedReceiver receiver, boolean all) throws Exception {
        assertEquals(401, Api.anonymous(server.base()).get("webhooks").status());
        Api.Reply forbidden = Api.publisher(server.base()).get("webhooks");
        assertEquals(403, forbidden.status(), forbidden.toString());
        assertEquals("application/problem+json", forbidden.mediaType());

        Api.Reply created = Api.admin(server.base()).post("webhooks", """
                {"name": "matrix", "url": "%s", "auth": {"type": "basic", "username": "dam", "password": "pw"},
                 "triggers": [{"event": "asset.uploaded"}], "fields": ["file.name", "file.uuid"]}"""
                .formatted(receiver.url("/hook")));
        assertEquals(201, created.status(), created.toString());
        JsonObject webhook = created.json();

        Api.Reply accepted = Api.publisher(server.base()).post("events", """
                {"type": "asset.uploaded", "asset": {"uuid": "a-1", "name": "beach.jpg", "mimeType": "image/jpeg"}}""");
        assertEquals(202, accepted.status(), accepted.toString());

        ScriptedReceiver.Request refused = receiver.requests.poll(2, TimeUnit.MINUTES);
        assertNotNull(refused, "the receiver got the event from " + server.name());
        ScriptedReceiver.Request got = receiver.requests.poll(1, TimeUnit.MINUTES);
        assertNotNull(got, "the event was sent again after the 503");
        assertEquals(refused.header("webhook-id"), got.header("webhook-id"), "a retry is the same message");
        new Webhook(webhook.getString("signingSecret")).verify(got.body(), got.headers());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("dam:pw".getBytes(StandardCharsets.UTF_8)),
                got.header("Authorization"));
        assertTrue(got.body().contains("\"name\":\"beach.jpg\""), got.body());

        String id = webhook.getString("id");
        Poll.until(Duration.ofMinutes(1), () -> Api.admin(server.base()).get("webhooks/" + id + "/deliveries").json(),
                log -> log.getJsonArray("items").size() == 1
                        && "succeeded".equals(log.getJsonArray("items").getJsonObject(0).getString("status"))
                        && log.getJsonArray("items").getJsonObject(0).getInt("attemptCount") == 2,
                "the delivery log shows the delivery succeeded at its second attempt");
        if (!all) return id;
        Api.Reply console = Api.serverGet(server.base(), "", "text/html");
        assertEquals(200, console.status(), "the console");
        assertTrue(console.body().contains("DAM Webhooks"), console.body());
        // WildFly opens its health endpoints on the management port when its boot ends, after the deployment
        Api.Reply ready = Poll.until(Duration.ofMinutes(1),
                () -> Api.serverGet(AppServer.local(server.healthPort(), "/"), "/health/ready", "application/json"),
                reply -> reply.status() == 200, "readiness on port " + server.healthPort());
        assertTrue(ready.body().contains("database"), ready.body());
        servesAValidOpenApiDocument(server);
        String metrics = Api.serverGet(server.base(), "metrics", "text/plain").body();
        assertTrue(metrics.contains("webhooks_deliveries_total{outcome=\"succeeded\"}"), metrics);
        return id;
    }

    /**
     * The server's own /openapi (the WAR's document as the server serves it, with what the server adds):
     * valid for a tool that reads it, with no root property OpenAPI does not allow. Payara 6 adds
     * {@code endpoints} there, which platform.boundary.PayaraOpenApiFilter empties (Payara 7 calls it x-endpoints).
     */
    private static void servesAValidOpenApiDocument(AppServer server) {
        Api.Reply openApi = Api.serverGet(server.base(), "/openapi", "application/json");
        assertEquals(200, openApi.status(), "OpenAPI");
        JsonObject document = openApi.json();
        List<String> foreign = document.keySet().stream()
                .filter(property -> !OPENAPI_ROOT.contains(property) && !property.startsWith("x-")).toList();
        assertEquals(List.of(), foreign, server.name() + "'s /openapi has root properties OpenAPI does not allow");
        assertEquals(List.of(), OpenApiValidation.problems(openApi.body()), server.name() + "'s /openapi validates");
    }

    /**
     * What the WAR alone decides, the same on every server: its own openapi.yaml validates, and Prometheus'
     * own parser reads its metrics, whose attempt durations are in seconds, not nanoseconds.
     */
    private static void theWarsOwnDocuments(AppServer server) {
        assertEquals(List.of(), OpenApiValidation.problems(Api.serverGet(server.base(), "openapi.yaml", "application/yaml").body()),
                "the WAR's openapi.yaml validates");
        var samples = PrometheusText.parse(Api.serverGet(server.base(), "metrics", "text/plain").body());
        double seconds = PrometheusText.value(samples, "webhooks_delivery_attempt_seconds_sum", Map.of());
        assertTrue(seconds > 0 && seconds < 60, "attempts took " + seconds + " s");
    }

    /** Prints how long each phase of a server's run took: what CI's time budget is made of. */
    private static final class Stopwatch {
        private final String server;
        private final long started = System.nanoTime();
        private long last = started;

        Stopwatch(String server) {
            this.server = server;
        }

        void lap(String phase) {
            long now = System.nanoTime();
            System.out.printf("%s: %s took %d s%n", server, phase, Duration.ofNanos(now - last).toSeconds());
            last = now;
        }

        void total() {
            System.out.printf("%s: the whole run took %d s%n", server, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        }
    }

    /**
     * Fault Tolerance's {@code @Timeout} on {@code Sender.send} is bound on this server (SmallRye on
     * WildFly, Liberty's own, Payara's) and takes its value from {@code webhooks.delivery.timeout} (2 s
     * here): a receiver that trickles its body forever, which no per-read socket timeout ends, is cut off.
     */
    private static void cutsOffASlowReceiverAtTheAttemptsTimeout(AppServer server) throws Exception {
        try (EndlessBody trickle = new EndlessBody(100)) {
            Api admin = Api.admin(server.base());
            Api.Reply created = admin.post("webhooks", """
                    {"name": "trickling", "url": "%s", "triggers": [{"event": "asset.uploaded"}]}""".formatted(trickle.url()));
            assertEquals(201, created.status(), created.toString());
            String webhookId = created.json().getString("id");
            Api.Reply test = admin.post("webhooks/" + webhookId + "/test", "");
            assertEquals(202, test.status(), test.toString());
            Duration open = trickle.heldOpen.poll(1, TimeUnit.MINUTES);
            assertNotNull(open, server.name() + " closed the connection to the trickling receiver");
            assertTrue(open.toMillis() >= 1_500 && open.toMillis() < 10_000, "closed after " + open.toMillis() + " ms on " + server.name());
            JsonObject attempt = Poll.until(Duration.ofSeconds(30), () -> admin.get("deliveries/" + test.json().getString("deliveryId")).json(),
                    delivery -> !delivery.getJsonArray("attempts").isEmpty(), "the attempt recorded").getJsonArray("attempts").getJsonObject(0);
            assertEquals("timed out after 2000 ms (webhooks.delivery.timeout)", attempt.getString("error"), attempt.toString());
            assertEquals(204, admin.delete("webhooks/" + webhookId).status());
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres) throws Exception {
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("create role webhooks login password 'change-me'");
            statement.execute("create database webhooks owner webhooks");
        }
    }
}
