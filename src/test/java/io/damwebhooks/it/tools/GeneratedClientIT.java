package io.damwebhooks.it.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.damwebhooks.client.ApiClient;
import io.damwebhooks.client.ApiException;
import io.damwebhooks.client.api.DeliveriesApi;
import io.damwebhooks.client.api.EventsApi;
import io.damwebhooks.client.api.WebhooksApi;
import io.damwebhooks.client.model.Accepted;
import io.damwebhooks.client.model.StatsBucket;
import io.damwebhooks.client.model.WebhookStats;
import io.damwebhooks.client.model.Asset;
import io.damwebhooks.client.model.AssetEventName;
import io.damwebhooks.client.model.Delivery;
import io.damwebhooks.client.model.DeliveryPage;
import io.damwebhooks.client.model.DeliveryStatus;
import io.damwebhooks.client.model.Event;
import io.damwebhooks.client.model.EventType;
import io.damwebhooks.client.model.PayloadField;
import io.damwebhooks.client.model.TestSent;
import io.damwebhooks.client.model.Trigger;
import io.damwebhooks.client.model.Webhook;
import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.EventSchemas;
import io.damwebhooks.it.support.OpenApiValidation;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.PrometheusText;
import io.damwebhooks.it.support.Receiver;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the tools people point at the service consume: the OpenAPI document as served (validated by
 * swagger-parser), a whole scenario through the Java client generated from it at build time (nothing
 * else calls the API here), the metrics read by Prometheus' own parser after known deliveries, and
 * every body the receiver got checked against its event type's JSON Schema from the catalog.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedClientIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String ATTEMPTS = "webhooks_delivery_attempt_seconds";
    /** Each answer takes about 50 ms: the attempt durations the metrics must show in seconds. */
    static Receiver receiver;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of(
                "webhooks.delivery.allow-http", "true",
                "webhooks.delivery.allow-private-networks", "true",
                "webhooks.delivery.poll-interval", "200ms",
                "webhooks.limit", "20")); // a rerun after a failure finds the first run's webhooks still there
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void start() { // not in a static initializer: a rerun of a failed test needs a receiver that is open
        receiver = Receiver.recording(50);
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    private ApiClient client(String user, String password) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceFirst("/+$", ""));
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + basic));
        return client;
    }

    private ApiClient admin() {
        return client(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
    }

    @Test
    void theServedDocumentValidates() throws Exception {
        String file = Files.readString(Path.of("src/main/resources/META-INF/openapi.yaml"));
        Api.Reply copy = Api.serverGet(base, "openapi.yaml", "application/yaml");
        assertEquals(200, copy.status(), copy.body());
        assertEquals(file, copy.body());
        assertEquals(List.of(), OpenApiValidation.problems(copy.body()));

        Api.Reply served = Api.serverGet(base, "/openapi", "application/json");
        assertEquals(200, served.status(), served.body());
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(served.body());
        // Payara 6.2025.x adds a root property "endpoints" that OpenAPI does not allow (a Payara defect,
        // renamed to x-endpoints upstream); everything else is our document
        document.remove("endpoints");
        assertEquals(List.of(), OpenApiValidation.problems(document.toString()));
        Set<String> paths = new TreeSet<>();
        document.get("paths").fieldNames().forEachRemaining(paths::add);
        assertEquals(new TreeSet<>(List.of("/api/webhooks", "/api/target-policy", "/api/webhooks/{id}", "/api/webhooks/{id}/secret",
                "/api/webhooks/{id}/secret/rotate", "/api/webhooks/{id}/test", "/api/webhooks/{id}/deliveries",
                "/api/webhooks/{id}/recover", "/api/webhooks/{id}/stats", "/api/deliveries", "/api/deliveries/{id}",
                "/api/deliveries/{id}/redeliver", "/api/events", "/api/event-types")), paths);
    }

    /** Create, read, replace, rotate, post events, page and search the log, statistics, test, redeliver, delete: the client only. */
    @Test
    void aWholeScenarioThroughTheGeneratedClient() throws Exception {
        WebhooksApi webhooks = new WebhooksApi(admin());
        DeliveriesApi deliveries = new DeliveriesApi(admin());
        EventsApi publisher = new EventsApi(client(Deployments.PUBLISHER, Deployments.PUBLISHER_PASSWORD));

        Webhook created = webhooks.createWebhook(new Webhook().name("Scenario").url(URI.create(receiver.url("/scenario")))
                .addTriggersItem(new Trigger().event(AssetEventName.ASSET_UPLOADED)));
        String id = created.getId();
        assertTrue(created.getSigningSecret().startsWith("whsec_"), created.getSigningSecret());
        assertEquals(List.of(PayloadField.FILE_NAME, PayloadField.FILE_SIZE, PayloadField.FILE_PATH, PayloadField.FILE_MIME_TYPE,
                PayloadField.FILE_CDN_LINK, PayloadField.FILE_UUID), created.getFields());

        Webhook read = webhooks.getWebhook(id);
        assertNull(read.getSigningSecret());
        Webhook replaced = webhooks.updateWebhook(id, read.name("Scenario, renamed"));
        assertEquals("Scenario, renamed", replaced.getName());
        assertEquals(read.getVersion() + 1, replaced.getVersion());
        ApiException stale = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> webhooks.updateWebhook(id, read));
        assertEquals(409, stale.getCode());
        assertTrue(webhooks.listWebhooks().stream().anyMatch(w -> w.getId().equals(id)));

        assertEquals(created.getSigningSecret(), webhooks.getSigningSecret(id).getSigningSecret());
        String rotated = webhooks.rotateSigningSecret(id).getSigningSecret();
        assertNotEquals(created.getSigningSecret(), rotated);
        assertEquals(rotated, webhooks.getSigningSecret(id).getSigningSecret());

        List<String> eventIds = List.of(0, 1, 2).stream().map(i -> "scenario-" + UUID.randomUUID()).toList();
        for (String eventId : eventIds) {
            Accepted accepted = publisher.postEvent(new Event().id(eventId).type(AssetEventName.ASSET_UPLOADED)
                    .asset(new Asset().uuid(UUID.randomUUID().toString()).name("beach.jpg").mimeType("image/jpeg").size(48211L)));
            assertEquals(eventId, accepted.getEventId());
            assertEquals(1, accepted.getDeliveries());
        }
        Poll.until(WITHIN, () -> receiver.eventIds.containsAll(eventIds), done -> done, "the three events delivered");
        Receiver.Message message = receiver.messages.stream().filter(m -> m.body().contains(eventIds.get(0))).findFirst().orElseThrow();
        new com.standardwebhooks.Webhook(rotated).verify(message.body(), message.headers());

        DeliveryPage first = Poll.until(WITHIN, () -> call(() -> deliveries.listWebhookDeliveries(id, DeliveryStatus.SUCCEEDED, 2, null)),
                page -> page.getItems().size() == 2 && page.getNext() != null, "a first page of two succeeded deliveries");
        DeliveryPage second = deliveries.listWebhookDeliveries(id, null, 2, first.getNext());
        assertEquals(1, second.getItems().size());
        assertNull(second.getNext());
        Set<String> logged = new TreeSet<>();
        first.getItems().forEach(d -> logged.add(d.getEventId()));
        second.getItems().forEach(d -> logged.add(d.getEventId()));
        assertEquals(new TreeSet<>(eventIds), logged);
        DeliveryPage found = deliveries.searchDeliveries(null, eventIds.get(0), null, null, id, null, null, null, null);
        assertEquals(List.of(eventIds.get(0)), found.getItems().stream().map(Delivery::getEventId).toList());
        WebhookStats stats = deliveries.getWebhookStats(id, null, null, null);
        assertEquals(24, stats.getBuckets().size());
        assertTrue(stats.getBuckets().stream().mapToLong(StatsBucket::getSucceeded).sum() >= 2, stats.toString());

        TestSent test = webhooks.testWebhook(id);
        Poll.until(WITHIN, () -> receiver.eventIds.contains(test.getEventId()), done -> done, "the test event delivered");

        String deliveryId = second.getItems().get(0).getId();
        Delivery again = deliveries.redeliver(deliveryId);
        assertEquals(deliveryId, again.getId());
        Poll.until(WITHIN, () -> receiver.seen.get(deliveryId).get(), count -> count == 2, "the redelivery received");
        Delivery done = Poll.until(WITHIN, () -> call(() -> deliveries.getDelivery(deliveryId)),
                d -> d.getStatus() == DeliveryStatus.SUCCEEDED && d.getAttempts().size() == 2, "the redelivery logged");
        assertEquals(2, done.getAttempts().get(1).getNumber());

        webhooks.deleteWebhook(id);
        ApiException gone = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> webhooks.getWebhook(id));
        assertEquals(404, gone.getCode());
        assertTrue(gone.getResponseBody().contains("\"status\":404"), gone.getResponseBody());
    }

    @Test
    @Order(1) // first: no attempt of another test's deliveries is counted while it measures
    void metricsInSecondsAsPrometheusReadsThem() throws Exception {
        WebhooksApi webhooks = new WebhooksApi(admin());
        EventsApi events = new EventsApi(admin());
        String id = webhooks.createWebhook(new Webhook().name("Metrics").url(URI.create(receiver.url("/metrics")))
                .addTriggersItem(new Trigger().event(AssetEventName.ASSET_DELETED))).getId();
        // one attempt first: the first attempts of a fresh server load classes and open connections
        List<PrometheusText.Sample> cold = scrape();
        events.postEvent(new Event().type(AssetEventName.ASSET_DELETED).asset(new Asset().uuid("metrics-warm-up")));
        // until it has succeeded: a warm-up attempt that failed would be retried inside the measured window
        List<PrometheusText.Sample> before = Poll.until(WITHIN, this::scrape, samples -> PrometheusText.delta(cold, samples,
                "webhooks_deliveries_total", Map.of("outcome", "succeeded")) >= 1, "the warm-up delivered");
        for (int i = 0; i < 5; i++) {
            events.postEvent(new Event().type(AssetEventName.ASSET_DELETED).asset(new Asset().uuid("metrics-" + i)));
        }
        List<PrometheusText.Sample> after = Poll.until(WITHIN, this::scrape,
                samples -> PrometheusText.delta(before, samples, "webhooks_delivery_attempt_seconds_count", Map.of()) >= 5,
                "five attempts counted");

        assertEquals(5, PrometheusText.delta(before, after, "webhooks_delivery_attempt_seconds_count", Map.of()));
        double seconds = PrometheusText.delta(before, after, "webhooks_delivery_attempt_seconds_sum", Map.of());
        assertTrue(seconds >= 0.1 && seconds <= 5, "five attempts of about 50 ms took " + seconds + " s");
        assertEquals(5, PrometheusText.bucket(after, ATTEMPTS, 1) - PrometheusText.bucket(before, ATTEMPTS, 1), "every attempt under a second");
        assertEquals(0, PrometheusText.bucket(after, ATTEMPTS, 0.025) - PrometheusText.bucket(before, ATTEMPTS, 0.025), "no attempt under the receiver's 50 ms");
        assertEquals(5, PrometheusText.delta(before, after, "webhooks_deliveries_total", Map.of("outcome", "succeeded")));
        assertEquals("histogram", after.stream().filter(s -> s.family().equals("webhooks_delivery_attempt_seconds"))
                .findFirst().orElseThrow().type());
        assertEquals("counter", after.stream().filter(s -> s.name().equals("webhooks_deliveries_total"))
                .findFirst().orElseThrow().type());
        assertTrue(PrometheusText.value(after, "webhooks_delivery_backlog", Map.of()) >= 0);
        // fresh deliveries go to the senders from the intake's commit, not through a claim (issue 18)
        assertEquals(5, PrometheusText.delta(before, after, "webhooks_delivery_dispatched_total", Map.of("via", "handover")));
        assertEquals(0, PrometheusText.delta(before, after, "webhooks_delivery_dispatched_total", Map.of("via", "claim")));
        webhooks.deleteWebhook(id);
    }

    /**
     * A burst to a receiver slower than the posts: far more deliveries than the dispatcher has room for
     * (twice the webhook's concurrency of 16), and every one goes from the intake's commit through the
     * hand-over queue, none through a claim (issue 18).
     */
    @Test
    @Order(2)
    void aBurstBeyondTheDispatchersRoomIsHandedOverWhole() throws Exception {
        int burst = 100;
        try (Receiver slow = new Receiver(1000)) { // 16 at a time: 16 deliveries a second, while events come faster
            WebhooksApi webhooks = new WebhooksApi(admin());
            String id = webhooks.createWebhook(new Webhook().name("Burst").url(URI.create(slow.url("/burst")))
                    .addTriggersItem(new Trigger().event(AssetEventName.ASSET_MOVED))).getId();
            List<PrometheusText.Sample> before = scrape();
            ExecutorService posters = Executors.newFixedThreadPool(8);
            try {
                List<Future<Accepted>> posted = new ArrayList<>();
                for (int i = 0; i < burst; i++) {
                    Event event = new Event().type(AssetEventName.ASSET_MOVED).asset(new Asset().uuid("burst-" + i));
                    posted.add(posters.submit(() -> new EventsApi(admin()).postEvent(event)));
                }
                for (Future<Accepted> accepted : posted) accepted.get();
            } finally {
                posters.shutdown();
            }
            List<PrometheusText.Sample> after = Poll.until(WITHIN, this::scrape, samples -> PrometheusText.delta(before, samples,
                    "webhooks_deliveries_total", Map.of("outcome", "succeeded")) >= burst, "the burst delivered");
            assertEquals(burst, PrometheusText.delta(before, after, "webhooks_delivery_dispatched_total", Map.of("via", "handover")));
            assertEquals(0, PrometheusText.delta(before, after, "webhooks_delivery_dispatched_total", Map.of("via", "claim")));
            assertEquals(burst, slow.ids().size());
            webhooks.deleteWebhook(id);
        }
    }

    /** Every event type, on an image and a video with every field selected, and a test send: each body matches its schema. */
    @Test
    void everyDeliveredBodyMatchesItsEventTypeSchema() throws Exception {
        List<EventType> catalog = new EventsApi(admin()).listEventTypes();
        assertEquals(Arrays.stream(io.damwebhooks.client.model.EventTypeName.values()).collect(Collectors.toSet()),
                catalog.stream().map(EventType::getType).collect(Collectors.toSet()));
        EventSchemas schemas = new EventSchemas(admin().getObjectMapper().writeValueAsString(catalog));

        WebhooksApi webhooks = new WebhooksApi(admin());
        Webhook everything = new Webhook().name("Everything").url(URI.create(receiver.url("/everything")))
                .fields(List.of(PayloadField.values()));
        for (AssetEventName type : AssetEventName.values()) everything.addTriggersItem(new Trigger().event(type));
        String id = webhooks.createWebhook(everything).getId();

        EventsApi events = new EventsApi(admin());
        List<String> sent = new java.util.ArrayList<>();
        for (Asset asset : List.of(SampleAssets.image(), SampleAssets.video())) {
            for (AssetEventName type : AssetEventName.values()) {
                String eventId = "schema-" + UUID.randomUUID();
                events.postEvent(new Event().id(eventId).type(type).asset(asset).changes(SampleAssets.changes(type)));
                sent.add(eventId);
            }
        }
        sent.add(webhooks.testWebhook(id).getEventId());
        Poll.until(WITHIN, () -> receiver.eventIds.containsAll(sent), done -> done, "every event delivered");

        Set<String> types = new TreeSet<>();
        for (Receiver.Message message : receiver.messages) {
            assertEquals(List.of(), schemas.problems(message.body()), message.body());
            types.add(new ObjectMapper().readTree(message.body()).get("type").asText());
        }
        assertEquals(schemas.types(), types, "a body of every type was checked");
        webhooks.deleteWebhook(id);
    }

    private List<PrometheusText.Sample> scrape() {
        Api.Reply reply = Api.serverGet(base, "metrics", "text/plain");
        assertEquals(200, reply.status(), reply.body());
        return PrometheusText.parse(reply.body());
    }

    private interface Call<T> { T get() throws ApiException; }

    private static <T> T call(Call<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            throw new IllegalStateException(e.getCode() + " " + e.getResponseBody(), e);
        }
    }
}
