package io.damwebhooks.it.delivery;

import io.damwebhooks.it.support.DurablePostgres;
import io.damwebhooks.it.support.ScriptedReceiver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import io.damwebhooks.it.support.ScriptedReceiver.Answer;
import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.EndlessBody;
import io.damwebhooks.it.support.Poll;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The delivery engine in the real WAR on a real PostgreSQL, sending to real receivers on loopback:
 * signing, auth, the retry schedule, Retry-After, 410, auto-disable and per-webhook isolation. The
 * delivery and attempt rows are read from the database as evidence. Also that the container applies
 * each Fault Tolerance policy (an interceptor that is not bound passes any unit test): the attempt's
 * {@code @Timeout}, the token endpoint's {@code @Retry} and {@code @Bulkhead} (its size set here through
 * its standard MicroProfile Config key), and the {@code @Retry} of the dispatcher's database work.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeliveryIT {

    static EmbeddedPostgres postgres;
    static DeliveryDb db;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        postgres = DurablePostgres.start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        db = new DeliveryDb(url, "postgres", "postgres");
        return Deployments.war(Map.ofEntries(
                Map.entry("webhooks.db.url", url),
                Map.entry("webhooks.db.user", "postgres"),
                Map.entry("webhooks.db.password", "postgres"),
                Map.entry("webhooks.limit", "50"),
                Map.entry("webhooks.delivery.allow-http", "true"),
                Map.entry("webhooks.delivery.allow-private-networks", "true"),
                Map.entry("webhooks.delivery.retry-delays", "100ms,200ms,2s"),
                Map.entry("webhooks.delivery.timeout", "2s"),
                Map.entry("webhooks.delivery.lease", "10s"),
                Map.entry("webhooks.delivery.poll-interval", "200ms"),
                Map.entry("webhooks.delivery.concurrency-per-webhook", "2"),
                Map.entry("webhooks.delivery.circuit-failures", "3"),
                Map.entry("webhooks.delivery.circuit-open", "30s"),
                Map.entry("webhooks.delivery.disable-after", "2s"),
                // Fault Tolerance's own key, as an admin of an earlier release set it (the class has moved since:
                // delivery.send.FormerKeys answers today's key from it); the default is 8
                Map.entry("io.damwebhooks.delivery.control.TokenEndpoint/fetch/Bulkhead/value", "1")));
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) postgres.close();
    }

    @ArquillianResource
    URL base;

    ScriptedReceiver receiver;

    @BeforeEach
    void receiver() {
        receiver = new ScriptedReceiver();
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void aTestEventArrivesSignedWithItsAuthAndHeadersAndIsLogged() throws Exception {
        JsonObject webhook = create("signed", receiver.url("/signed"),
                "\"auth\": {\"type\": \"basic\", \"username\": \"dam\", \"password\": \"pw\"}, \"headers\": [{\"name\": \"X-Tenant\", \"value\": \"acme\"}]");
        receiver.on("/signed", request -> Answer.of(200, "thanks"));
        String deliveryId = test(webhook);

        ScriptedReceiver.Request got = receiver.requests.poll(10, TimeUnit.SECONDS);
        assertTrue(got != null, "the test event arrived");
        new Webhook(webhook.getString("signingSecret")).verify(got.body(), got.headers());
        assertEquals(deliveryId, got.header("webhook-id"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("dam:pw".getBytes(StandardCharsets.UTF_8)), got.header("Authorization"));
        assertEquals("acme", got.header("X-Tenant"));
        assertEquals("application/json", got.header("Content-Type"));
        JsonObject body = Json.createReader(new StringReader(got.body())).readObject();
        assertEquals("webhook.test", body.getString("type"));
        assertEquals(webhook.getString("id"), body.getJsonObject("data").getJsonObject("webhook").getString("id"));
        assertEquals("signed", body.getJsonObject("data").getJsonObject("webhook").getString("name"));
        assertTrue(body.getJsonObject("data").getString("eventId").startsWith("evt_"));

        DeliveryDb.Row row = Poll.until(Duration.ofSeconds(10), () -> db.delivery(deliveryId), r -> r.status().equals("succeeded"), "recorded as succeeded");
        assertEquals(1, row.attemptCount());
        assertNull(row.nextAttemptAt());
        DeliveryDb.AttemptRow attempt = db.attempts(deliveryId).get(0);
        assertEquals(200, attempt.statusCode());
        assertEquals("thanks", attempt.responseBody());
    }

    /**
     * The intake keeps the webhooks it loaded until their version changes (ActiveWebhooks): a rotation is
     * such a change, so the next event after it is signed by both secrets, not by the old one alone.
     */
    @Test
    void theEventAfterARotationIsSignedByBothSecrets() throws Exception {
        JsonObject webhook = create("rotating", receiver.url("/rotating"), null, "asset.labels_changed");
        receiver.on("/rotating", request -> Answer.of(204));
        String old = webhook.getString("signingSecret");
        ScriptedReceiver.Request before = labelled("rotate-1");
        new Webhook(old).verify(before.body(), before.headers());
        assertEquals(1, before.header("webhook-signature").split(" ").length, before.header("webhook-signature"));

        Api.Reply rotated = Api.admin(base).post("webhooks/" + webhook.getString("id") + "/secret/rotate", null);
        assertEquals(200, rotated.status(), rotated.toString());
        ScriptedReceiver.Request after = labelled("rotate-2");
        assertEquals(2, after.header("webhook-signature").split(" ").length, after.header("webhook-signature"));
        new Webhook(rotated.json().getString("signingSecret")).verify(after.body(), after.headers());
        new Webhook(old).verify(after.body(), after.headers());
    }

    /** Posts an {@code asset.labels_changed} event (only the rotation test's webhook takes it) and answers its delivery. */
    private ScriptedReceiver.Request labelled(String eventId) throws InterruptedException {
        Api.Reply posted = Api.publisher(base).post("events", "{\"id\": \"" + eventId + "\", \"type\": \"asset.labels_changed\","
                + " \"asset\": {\"uuid\": \"u-" + eventId + "\"}, \"changes\": {\"labels\": {\"old\": [], \"new\": [\"x\"]}}}");
        assertEquals(202, posted.status(), posted.toString());
        ScriptedReceiver.Request got = receiver.requests.poll(10, TimeUnit.SECONDS);
        assertTrue(got != null, "the delivery of " + eventId + " arrived");
        return got;
    }

    @Test
    void failuresAreRetriedOnTheScheduleThenGivenUpAndTheWebhookIsDisabled() {
        JsonObject webhook = create("always 400", receiver.url("/nope"), null);
        receiver.on("/nope", request -> Answer.of(400, "nope"));
        String deliveryId = test(webhook);

        DeliveryDb.Row row = Poll.until(Duration.ofSeconds(20), () -> db.delivery(deliveryId), r -> r.status().equals("failed"), "failed");
        assertEquals(4, row.attemptCount(), "the first attempt and one per retry delay");
        assertNull(row.nextAttemptAt());
        List<DeliveryDb.AttemptRow> attempts = db.attempts(deliveryId);
        assertEquals(4, attempts.size());
        assertEquals(4, receiver.requests.size());
        attempts.forEach(a -> assertEquals("nope", a.responseBody()));
        long[] minimumGaps = {80, 160, 1600}; // 100ms, 200ms, 2s less 20 % jitter
        for (int i = 1; i < attempts.size(); i++) {
            long gap = Duration.between(attempts.get(i - 1).startedAt(), attempts.get(i).startedAt()).toMillis();
            assertTrue(gap >= minimumGaps[i - 1] && gap < minimumGaps[i - 1] * 2 + 1000, "gap before attempt " + (i + 1) + ": " + gap + " ms");
        }
        // every attempt failed for longer than disable-after (2s)
        JsonObject after = Api.admin(base).get("webhooks/" + webhook.getString("id")).json();
        assertFalse(after.getBoolean("active"));
        assertTrue(after.getString("disabledReason").contains("webhooks.delivery.disable-after"), after.toString());
    }

    @Test
    void aSuccessAfterFailuresSucceedsAndClearsFailingSince() {
        JsonObject webhook = create("flaky", receiver.url("/flaky"), null);
        AtomicInteger calls = new AtomicInteger();
        receiver.on("/flaky", request -> calls.incrementAndGet() <= 2 ? Answer.of(502) : Answer.of(204));
        String deliveryId = test(webhook);
        DeliveryDb.Row row = Poll.until(Duration.ofSeconds(10), () -> db.delivery(deliveryId), r -> r.status().equals("succeeded"), "succeeded");
        assertEquals(3, row.attemptCount());
        List<DeliveryDb.AttemptRow> attempts = db.attempts(deliveryId);
        assertEquals(List.of(502, 502, 204), attempts.stream().map(DeliveryDb.AttemptRow::statusCode).toList(), attempts.toString());
        assertNull(db.failingSince(webhook.getString("id")));
        assertTrue(Api.admin(base).get("webhooks/" + webhook.getString("id")).json().getBoolean("active"));
    }

    @Test
    void retryAfterIsHonouredUpToTheLongestDelay() {
        JsonObject webhook = create("busy", receiver.url("/busy"), null);
        AtomicInteger calls = new AtomicInteger();
        receiver.on("/busy", request -> switch (calls.incrementAndGet()) {
            case 1 -> new Answer(503, Map.of("Retry-After", "1"), new byte[0]);
            case 2 -> new Answer(429, Map.of("Retry-After", "3600"), new byte[0]);
            default -> Answer.of(200);
        });
        String deliveryId = test(webhook);
        Poll.until(Duration.ofSeconds(15), () -> db.delivery(deliveryId), r -> r.status().equals("succeeded"), "succeeded");
        List<DeliveryDb.AttemptRow> attempts = db.attempts(deliveryId);
        long first = Duration.between(attempts.get(0).startedAt(), attempts.get(1).startedAt()).toMillis();
        long second = Duration.between(attempts.get(1).startedAt(), attempts.get(2).startedAt()).toMillis();
        assertTrue(first >= 1000 && first < 2500, "Retry-After: 1 instead of 100ms: " + first + " ms");
        assertTrue(second >= 2000 && second < 3500, "Retry-After: 3600 capped at the longest delay, 2s: " + second + " ms");
    }

    @Test
    void goneDeactivatesTheWebhook() {
        JsonObject webhook = create("gone", receiver.url("/gone"), null);
        receiver.on("/gone", request -> Answer.of(410));
        String deliveryId = test(webhook);
        DeliveryDb.Row row = Poll.until(Duration.ofSeconds(10), () -> db.delivery(deliveryId), r -> r.status().equals("failed"), "failed");
        assertEquals(1, row.attemptCount());
        JsonObject after = Api.admin(base).get("webhooks/" + webhook.getString("id")).json();
        assertFalse(after.getBoolean("active"));
        assertTrue(after.getString("disabledReason").contains("410"), after.toString());
        assertEquals(409, Api.admin(base).post("webhooks/" + webhook.getString("id") + "/test", "").status());
    }

    @Test
    void oauth2ClientCredentialsFromARealServer() throws Exception {
        MockOAuth2Server oauth = new MockOAuth2Server();
        oauth.start(InetAddress.getByName("127.0.0.1"), 0);
        // the server makes its signing key on first use, which can take longer than the 2s attempt timeout here
        oauth.issueToken("issuer", "warm-up");
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(oauth.tokenEndpointUrl("issuer").uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=warm-up&client_secret=x"))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding()); // its HTTP side too, on a loaded machine
        oauth.takeRequest(5, TimeUnit.SECONDS);
        try {
            JsonObject webhook = create("oauth", receiver.url("/oauth"), "\"auth\": {\"type\": \"oauth2\", \"tokenEndpoint\": \""
                    + oauth.tokenEndpointUrl("issuer") + "\", \"username\": \"pim\", \"password\": \"s3cret\", \"scope\": \"hooks\"}");
            test(webhook);
            test(webhook);
            for (int i = 0; i < 2; i++) {
                ScriptedReceiver.Request got = receiver.requests.poll(10, TimeUnit.SECONDS);
                String webhookId = webhook.getString("id");
                assertNotNull(got, () -> db.deliveriesOf(webhookId).stream().map(d -> d + " " + db.attempts(d.id())).toList().toString());
                String authorization = got.header("Authorization");
                String claims = new String(Base64.getUrlDecoder().decode(authorization.substring(7).split("\\.")[1]), StandardCharsets.UTF_8);
                assertTrue(claims.contains("\"sub\":\"pim\""), claims);
            }
            oauth.takeRequest(1, TimeUnit.SECONDS);
            assertThrowsNothingMore(oauth);
            String webhookId = webhook.getString("id");
            Poll.until(Duration.ofSeconds(10), () -> db.deliveriesOf(webhookId),
                    rows -> rows.size() == 2 && rows.stream().allMatch(r -> r.status().equals("succeeded") && r.attemptCount() == 1),
                    "both succeeded at the first attempt");
        } finally {
            oauth.shutdown();
        }
    }

    @Test
    void aDeadReceiverCannotHoldUpTheOthersAndItsOpenCircuitHoldsItsDeliveries() throws Exception {
        ScriptedReceiver slow = new ScriptedReceiver();
        AtomicInteger slowCalls = new AtomicInteger();
        slow.on("/slow", request -> {
            slowCalls.incrementAndGet();
            try {
                Thread.sleep(6_000); // a receiver that hangs past the 2s timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.of(200);
        });
        try (slow) {
            JsonObject dead = create("hanging", slow.url("/slow"), null);
            JsonObject alive = create("alive", receiver.url("/alive"), null);
            for (int i = 0; i < 12; i++) test(dead);
            Instant sent = Instant.now();
            for (int i = 0; i < 4; i++) test(alive);
            Poll.until(Duration.ofSeconds(5), () -> receiver.requests.size(), n -> n == 4, "the healthy webhook's deliveries arrive");
            assertTrue(Duration.between(sent, Instant.now()).toMillis() < 3_000, "not held up by the hanging receiver");

            // three attempts time out (2s each, two at a time), which opens the circuit for 30s
            Poll.until(Duration.ofSeconds(15), () -> db.deliveriesOf(dead.getString("id")).stream()
                            .filter(r -> r.attemptCount() > 0).count(),
                    attempted -> attempted >= 3, "the timed-out attempts are recorded");
            List<DeliveryDb.Row> rows = db.deliveriesOf(dead.getString("id"));
            assertTrue(slowCalls.get() <= 5, slowCalls.get() + " calls: at most 2 at a time until the circuit opened after 3 failures");
            assertTrue(rows.stream().filter(r -> r.attemptCount() == 0).count() >= 6,
                    "the open circuit keeps the waiting deliveries from being attempted: " + rows);
            assertTrue(rows.stream().allMatch(r -> r.status().equals("pending")), "waiting, not failed: " + rows);
        }
    }

    @Test
    void aReceiverSlowerThanTheTimeoutIsCutOffAtItAndItsSocketClosed() throws Exception {
        // answers at once, then trickles its body: no per-read socket timeout fires, only the attempt's @Timeout
        try (EndlessBody trickle = new EndlessBody(100)) {
            JsonObject webhook = create("trickling", trickle.url(), null);
            String deliveryId = test(webhook);
            Duration open = trickle.heldOpen.poll(20, TimeUnit.SECONDS);
            assertNotNull(open, "the service closed the connection");
            // @Timeout(15 s) on Sender.send, its value taken from webhooks.delivery.timeout (2s) by AttemptTimeout
            assertTrue(open.toMillis() >= 1_500 && open.toMillis() < 3_500, "closed after " + open.toMillis() + " ms");
            DeliveryDb.AttemptRow first = Poll.until(Duration.ofSeconds(10), () -> db.attempts(deliveryId), a -> !a.isEmpty(), "recorded").get(0);
            assertNull(first.statusCode());
            assertEquals("timed out after 2000 ms (webhooks.delivery.timeout)", first.error());
        }
    }

    @Test
    void aTokenEndpointThatFailsTwiceThenAnswersCostsOneAttempt() {
        AtomicInteger tokenCalls = new AtomicInteger();
        receiver.on("/token-flaky", request -> switch (tokenCalls.incrementAndGet()) {
            case 1 -> Answer.of(503, "restarting");
            case 2 -> Answer.of(429);
            default -> Answer.of(200, "{\"access_token\": \"tok-third-time\", \"expires_in\": 3600}");
        });
        JsonObject webhook = create("flaky token", receiver.url("/hook-flaky"), "\"auth\": {\"type\": \"oauth2\", \"tokenEndpoint\": \""
                + receiver.url("/token-flaky") + "\", \"username\": \"c\", \"password\": \"s\"}");
        String deliveryId = test(webhook);
        DeliveryDb.Row row = Poll.until(Duration.ofSeconds(10), () -> db.delivery(deliveryId), r -> !r.status().equals("pending"), "finished");
        assertEquals("succeeded", row.status(), db.attempts(deliveryId).toString());
        assertEquals(1, row.attemptCount(), "the token endpoint's faults were retried within the attempt");
        assertEquals(3, tokenCalls.get());
        assertEquals("Bearer tok-third-time", receiver.requests.stream().filter(r -> r.path().equals("/hook-flaky"))
                .findFirst().orElseThrow().header("Authorization"));
    }

    @Test
    void tokenRequestsBeyondTheBulkheadFailTheirAttemptAtOnce() {
        // two webhooks get one event in one transaction, so their attempts start together; each identity
        // provider answers only once both were asked (or after 1.5 s, within the 2 s attempt timeout)
        CountDownLatch bothAsked = new CountDownLatch(2);
        java.util.function.Function<ScriptedReceiver.Request, Answer> slowIdp = request -> {
            bothAsked.countDown();
            try {
                bothAsked.await(1_500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.of(200, "{\"access_token\": \"t\"}");
        };
        receiver.on("/token-a", slowIdp).on("/token-b", slowIdp);
        List<String> webhooks = List.of("a", "b").stream().map(x -> create("idp " + x, receiver.url("/hook-" + x),
                "\"auth\": {\"type\": \"oauth2\", \"tokenEndpoint\": \"" + receiver.url("/token-" + x)
                        + "\", \"username\": \"" + x + "\", \"password\": \"s\"}", "asset.renamed").getString("id")).toList();
        Api.Reply posted = Api.publisher(base).post("events",
                "{\"type\": \"asset.renamed\", \"asset\": {\"uuid\": \"u-bulkhead\", \"name\": \"b.jpg\"}}");
        assertEquals(202, posted.status(), posted.toString());
        List<DeliveryDb.AttemptRow> firsts = webhooks.stream().map(id -> Poll.until(Duration.ofSeconds(15),
                () -> db.deliveriesOf(id).stream().flatMap(d -> db.attempts(d.id()).stream()).toList(), a -> !a.isEmpty(),
                "the first attempt of " + id).get(0)).toList();
        // @Bulkhead(8), set to 1 by its MicroProfile Config key in this deployment
        assertEquals(1, firsts.stream().filter(a -> a.error() != null && a.error().contains("too many token requests at once")).count(),
                "one token request at a time: " + firsts);
        assertEquals(1, firsts.stream().filter(a -> Integer.valueOf(204).equals(a.statusCode())).count(), firsts.toString());
    }

    @Test
    void aConnectionCutWhileOutcomesAreRecordedCostsNoSecondSend() throws Exception {
        CountDownLatch allPosted = new CountDownLatch(1);
        receiver.on("/cut", request -> {
            try {
                allPosted.await(10, TimeUnit.SECONDS); // answer the three together, so their outcomes share a batch
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.of(204);
        });
        JsonObject webhook = create("cut", receiver.url("/cut"), null);
        String webhookId = webhook.getString("id");
        // the database session dies while it writes this webhook's attempts, twice (a sequence is not rolled back)
        db.execute("CREATE SEQUENCE cuts");
        db.execute("""
                CREATE FUNCTION cut_connection() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF EXISTS (SELECT 1 FROM delivery WHERE id = NEW.delivery_id AND webhook_id = '%s') THEN
                    IF nextval('cuts') <= 2 THEN
                      PERFORM pg_terminate_backend(pg_backend_pid());
                    END IF;
                  END IF;
                  RETURN NEW;
                END $$""".formatted(webhookId));
        db.execute("CREATE TRIGGER cut BEFORE INSERT ON attempt FOR EACH ROW EXECUTE FUNCTION cut_connection()");
        try {
            List<String> ids = List.of(test(webhook), test(webhook), test(webhook));
            allPosted.countDown();
            List<DeliveryDb.Row> rows = Poll.until(Duration.ofSeconds(30), () -> db.deliveriesOf(webhookId),
                    r -> r.size() == 3 && r.stream().allMatch(d -> d.status().equals("succeeded")), "all three recorded");
            assertTrue(db.number("SELECT last_value FROM cuts") >= 2, "the connection was cut");
            rows.forEach(row -> assertEquals(1, row.attemptCount(), row.toString()));
            ids.forEach(id -> assertEquals(1, db.attempts(id).size(), id));
            Map<String, Long> sends = receiver.requests.stream().filter(r -> r.path().equals("/cut"))
                    .collect(java.util.stream.Collectors.groupingBy(r -> r.header("webhook-id"), java.util.stream.Collectors.counting()));
            assertEquals(Map.of(ids.get(0), 1L, ids.get(1), 1L, ids.get(2), 1L), sends, "each sent once");
        } finally {
            db.execute("DROP TRIGGER cut ON attempt");
            db.execute("DROP FUNCTION cut_connection()");
            db.execute("DROP SEQUENCE cuts");
            // the pool may still hold a cut connection, which fails the one transaction it is handed to (a
            // 503, "try again"): not the next test's concern, so they are weeded out here. Requests one after
            // the other would take the same pooled connection each time: these go together, so that every
            // idle connection is handed out, until two rounds in a row all answer
            Poll.until(Duration.ofSeconds(30), () -> allAnswer(12) && allAnswer(12),
                    answered -> answered, "the API answers again after the cut connections");
        }
    }

    /** {@code requests} reads of the API at once: do they all answer 200? */
    private boolean allAnswer(int requests) {
        ExecutorService together = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) answers.add(together.submit(() -> Api.admin(base).get("deliveries?limit=1").status()));
            boolean all = true;
            for (Future<Integer> answer : answers) all &= answer.get() == 200;
            return all;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            together.shutdownNow();
        }
    }

    @Test
    void aHandshakeThatNeverEndsAndAnAnswerTrickledAByteASecondEndAtTheTimeoutWhileOthersKeepPace() throws Exception {
        try (Stalling tls = new Stalling(false); Stalling trickle = new Stalling(true)) {
            JsonObject silent = create("no TLS handshake", "https://127.0.0.1:" + tls.port() + "/hook", null);
            JsonObject slow = create("a byte a second", "http://127.0.0.1:" + trickle.port() + "/hook", null);
            JsonObject alive = create("keeps pace", receiver.url("/pace"), null);
            List<String> stuck = List.of(test(silent), test(silent), test(slow), test(slow)); // both slots of each taken
            Poll.until(Duration.ofSeconds(10), () -> tls.connections.get() + trickle.connections.get(), n -> n >= 4,
                    "the stuck attempts under way");
            Instant sent = Instant.now();
            for (int i = 0; i < 4; i++) test(alive);
            Poll.until(Duration.ofSeconds(5), () -> receiver.requests.size(), n -> n == 4, "the healthy webhook's deliveries arrive");
            assertTrue(Duration.between(sent, Instant.now()).toMillis() < 3_000, "not held up by the stuck receivers");

            for (String id : stuck) {
                JsonObject attempt = Poll.until(Duration.ofSeconds(20), () -> Api.admin(base).get("deliveries/" + id).json(),
                        d -> !d.getJsonArray("attempts").isEmpty(), "an attempt of " + id + " recorded").getJsonArray("attempts").getJsonObject(0);
                long millis = attempt.getJsonNumber("durationMs").longValue();
                assertTrue(attempt.isNull("statusCode"), "no answer counted: " + attempt);
                assertTrue(attempt.getString("error").contains("timed out"), attempt.toString());
                assertTrue(millis >= 1_900 && millis < 4_000, millis + " ms: the attempt ends at the 2 s timeout");
            }
            // no clean-up: failing for longer than disable-after (2 s here) deactivates both webhooks
        }
    }

    /**
     * A receiver that accepts TCP connections and then either says nothing at all (a TLS client waits
     * for the server's hello forever) or answers headers and then one byte of the body a second.
     */
    static final class Stalling implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        private final java.net.ServerSocket server = new java.net.ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();

        Stalling(boolean trickle) throws IOException {
            threads.execute(() -> {
                while (!server.isClosed()) {
                    try {
                        java.net.Socket socket = server.accept();
                        connections.incrementAndGet();
                        threads.execute(() -> hold(socket, trickle));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        private static void hold(java.net.Socket socket, boolean trickle) {
            try (socket) {
                if (!trickle) {
                    // the ClientHello is read and never answered, until the client gives up and closes
                    while (socket.getInputStream().read() >= 0) { }
                    return;
                }
                socket.getInputStream().read(new byte[8192]); // the request; its content does not matter
                java.io.OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 600\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 600; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(1_000); // the trickle itself, not a synchronisation
                }
            } catch (IOException | InterruptedException gone) {
                // the client cut the connection off, or the test is over
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            threads.shutdownNow();
        }
    }

    private static void assertThrowsNothingMore(MockOAuth2Server oauth) {
        try {
            oauth.takeRequest(300, TimeUnit.MILLISECONDS);
            throw new AssertionError("the token was fetched again instead of reused");
        } catch (RuntimeException expected) {
            // no second token request
        }
    }

    private JsonObject create(String name, String url, String extra) {
        return create(name, url, extra, "asset.uploaded");
    }

    private JsonObject create(String name, String url, String extra, String trigger) {
        Api.Reply created = Api.admin(base).post("webhooks", "{\"name\": \"" + name + "\", \"url\": \"" + url
                + "\", \"triggers\": [{\"event\": \"" + trigger + "\"}]" + (extra == null ? "" : ", " + extra) + "}");
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    private String test(JsonObject webhook) {
        Api.Reply reply = Api.admin(base).post("webhooks/" + webhook.getString("id") + "/test", "");
        assertEquals(202, reply.status(), reply.toString());
        return reply.json().getString("deliveryId");
    }
}
