package io.damwebhooks.it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.events.dam.FakeDam;
import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events in, deliveries recorded: fired in-process inside the DAM's transaction (a test-only bean
 * plays the DAM) and posted over REST, with the outbox read back through JPA inside the server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventsIT {

    private static final int MAX_SIZE = 4096;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of("webhooks.events.max-size", String.valueOf(MAX_SIZE)))
                .addPackage(FakeDam.class.getPackage());
    }

    @ArquillianResource
    URL base;

    private static Map<String, String> webhooks;

    @BeforeEach
    void webhooksOnce() {
        if (webhooks != null) return;
        Api admin = Api.admin(base);
        webhooks = Map.of(
                "files", create(admin, """
                        {"name": "files", "hostname": "pim.example.com", "path": "/a",
                         "triggers": [{"event": "asset.uploaded"}, {"event": "asset.moved"}]}"""),
                "approved", create(admin, """
                        {"name": "approved", "hostname": "pim.example.com", "path": "/b",
                         "triggers": [{"event": "asset.metadata_changed", "field": "status", "value": "approved"}],
                         "fields": ["file.uuid", "image.width", "video.length", "meta.custom"]}"""),
                "inactive", create(admin, """
                        {"name": "inactive", "active": false, "hostname": "pim.example.com", "path": "/c",
                         "triggers": [{"event": "asset.uploaded"}, {"event": "asset.metadata_changed"}]}"""),
                "deletes", create(admin, """
                        {"name": "deletes", "hostname": "pim.example.com", "path": "/d",
                         "triggers": [{"event": "asset.deleted"}]}"""));
    }

    // --- in-process: the DAM's transaction decides

    @Test
    void eventsFiredInACommittedTransactionAreRecordedAndAnnouncedAfterCommit() {
        assertEquals(3, change("commit-1", FakeDam.Outcome.COMMIT));
        JsonObject moved = outbox("commit-1-moved");
        assertEquals(1, moved.getJsonArray("deliveries").size());
        JsonObject delivery = moved.getJsonArray("deliveries").getJsonObject(0);
        assertEquals(webhooks.get("files"), delivery.getString("webhookId"));
        assertEquals("asset.moved", delivery.getString("eventType"));
        JsonObject body = json(delivery.getString("payload"));
        assertEquals("asset.moved", body.getString("type"));
        JsonObject data = body.getJsonObject("data");
        assertEquals("commit-1-moved", data.getString("eventId"));
        assertEquals(json("{\"id\":\"" + webhooks.get("files") + "\",\"name\":\"files\"}"), data.getJsonObject("webhook"));
        assertEquals(json("""
                {"uuid": "uuid-commit-1", "name": "beach.jpg", "size": 48211, "path": "/archive/beach.jpg",
                 "mimeType": "image/jpeg", "cdnLink": "https://cdn.example.com/archive/beach.jpg"}"""), data.getJsonObject("asset"));
        assertEquals(json("{\"path\": {\"old\": \"/summer/beach.jpg\", \"new\": \"/archive/beach.jpg\"}}"),
                data.getJsonObject("changes"));

        JsonObject meta = outbox("commit-1-meta");
        assertEquals(List.of(webhooks.get("approved")), webhookIds(meta));
        assertEquals(json("{\"uuid\": \"uuid-commit-1\", \"width\": 1920, \"meta\": {\"custom\": {\"status\": \"approved\"}}}"),
                json(meta.getJsonArray("deliveries").getJsonObject(0).getString("payload")).getJsonObject("data").getJsonObject("asset"));
        assertEquals(1, outbox("commit-1-uploaded").getJsonArray("deliveries").size());
        assertEquals(1, outbox("commit-1-uploaded").getInt("recordedCount"));
    }

    @Test
    void eventsFiredInARolledBackTransactionLeaveNothing() {
        assertEquals(0, change("rollback-1", FakeDam.Outcome.ROLLBACK));
        for (String id : FakeDam.ids("rollback-1")) {
            JsonObject outbox = outbox(id);
            assertEquals(0, outbox.getJsonArray("deliveries").size(), id);
            assertFalse(outbox.getBoolean("accepted"), id);
        }
    }

    @Test
    void eventsFiredWithoutATransactionAreRecordedInOneOfTheirOwn() {
        assertEquals(3, change("alone-1", FakeDam.Outcome.NO_TRANSACTION));
        for (String id : FakeDam.ids("alone-1")) assertEquals(1, outbox(id).getJsonArray("deliveries").size(), id);
    }

    // --- over REST

    @Test
    void aPostedEventIsRecordedForTheWebhooksItTriggers() {
        Api.Reply reply = post(Api.publisher(base), "rest-1", "asset.uploaded", "{\"uuid\": \"u-rest-1\", \"name\": \"a.png\", \"mimeType\": \"image/png\"}", null);
        assertEquals(202, reply.status(), reply.toString());
        assertEquals(json("{\"eventId\": \"rest-1\", \"deliveries\": 1}"), reply.json());
        JsonObject outbox = outbox("rest-1");
        assertEquals(List.of(webhooks.get("files")), webhookIds(outbox));
        String payload = outbox.getJsonArray("deliveries").getJsonObject(0).getString("payload");
        assertTrue(payload.startsWith("{\"type\":\"asset.uploaded\",\"timestamp\":\""), payload);
        assertEquals(json("{\"uuid\": \"u-rest-1\", \"name\": \"a.png\", \"mimeType\": \"image/png\"}"),
                json(payload).getJsonObject("data").getJsonObject("asset"));
    }

    @Test
    void anEventWithoutIdGetsOneOfTheService() {
        Api.Reply reply = Api.publisher(base).post("events", "{\"type\": \"asset.deleted\", \"asset\": {\"uuid\": \"u\"}}");
        assertEquals(202, reply.status(), reply.toString());
        String eventId = reply.json().getString("eventId");
        assertTrue(eventId.startsWith("evt_"), eventId);
        assertEquals(List.of(webhooks.get("deletes")), webhookIds(outbox(eventId)));
    }

    @Test
    void metadataTriggersLookAtTheFieldAndItsNewValue() {
        String video = "{\"uuid\": \"u-v\", \"mimeType\": \"video/mp4\", \"width\": 640, \"length\": 12.5, \"meta\": {\"custom\": {\"status\": \"x\"}}}";
        assertEquals(0, post(Api.publisher(base), "meta-draft", "asset.metadata_changed", video,
                "{\"meta\": {\"status\": {\"old\": \"approved\", \"new\": \"draft\"}}}").json().getInt("deliveries"));
        assertEquals(0, post(Api.publisher(base), "meta-other", "asset.metadata_changed", video,
                "{\"meta\": {\"title\": {\"old\": \"a\", \"new\": \"approved\"}}}").json().getInt("deliveries"));
        assertEquals(1, post(Api.publisher(base), "meta-approved", "asset.metadata_changed", video,
                "{\"meta\": {\"status\": {\"old\": \"draft\", \"new\": \"approved\"}}}").json().getInt("deliveries"));
        // a video: video.length applies, image.width does not
        JsonObject data = json(outbox("meta-approved").getJsonArray("deliveries").getJsonObject(0).getString("payload"))
                .getJsonObject("data");
        assertEquals(json("{\"uuid\": \"u-v\", \"length\": 12.5, \"meta\": {\"custom\": {\"status\": \"x\"}}}"), data.getJsonObject("asset"));
        assertEquals(json("{\"meta\": {\"status\": {\"old\": \"draft\", \"new\": \"approved\"}}}"), data.getJsonObject("changes"));
    }

    /** The intake keeps the active webhooks it loaded until their version changes: every change is seen by the next event. */
    @Test
    void aWebhookChangedBetweenTwoEventsIsReadAsChanged() {
        Api admin = Api.admin(base);
        Api publisher = Api.publisher(base);
        String id = create(admin, """
                {"name": "renames", "hostname": "pim.example.com", "path": "/e",
                 "triggers": [{"event": "asset.renamed"}], "fields": ["file.uuid"]}""");
        try {
            String asset = "{\"uuid\": \"u-edit\", \"name\": \"b.png\"}";
            String renamed = "{\"name\": {\"old\": \"a.png\", \"new\": \"b.png\"}}";
            assertEquals(1, post(publisher, "edit-1", "asset.renamed", asset, renamed).json().getInt("deliveries"));
            assertEquals(json("{\"uuid\": \"u-edit\"}"), asset(outbox("edit-1")));

            JsonObject got = admin.get("webhooks/" + id).json();
            JsonObject wider = Json.createObjectBuilder(got).add("fields", Json.createArrayBuilder().add("file.uuid").add("file.name")).build();
            assertEquals(200, admin.put("webhooks/" + id, wider.toString()).status());
            assertEquals(1, post(publisher, "edit-2", "asset.renamed", asset, renamed).json().getInt("deliveries"));
            assertEquals(json("{\"uuid\": \"u-edit\", \"name\": \"b.png\"}"), asset(outbox("edit-2")));

            JsonObject off = Json.createObjectBuilder(admin.get("webhooks/" + id).json()).add("active", false).build();
            assertEquals(200, admin.put("webhooks/" + id, off.toString()).status());
            assertEquals(0, post(publisher, "edit-3", "asset.renamed", asset, renamed).json().getInt("deliveries"));

            JsonObject on = Json.createObjectBuilder(admin.get("webhooks/" + id).json()).add("active", true).build();
            assertEquals(200, admin.put("webhooks/" + id, on.toString()).status());
            assertEquals(1, post(publisher, "edit-4", "asset.renamed", asset, renamed).json().getInt("deliveries"));
        } finally {
            assertEquals(204, admin.delete("webhooks/" + id).status());
        }
        assertEquals(0, post(publisher, "edit-5", "asset.renamed", "{\"uuid\": \"u-edit\"}",
                "{\"name\": {\"old\": \"a.png\", \"new\": \"b.png\"}}").json().getInt("deliveries"));
    }

    @Test
    void anIdSeenBeforeAddsNothingAndIsAnsweredAsTheFirstTime() {
        Api publisher = Api.publisher(base);
        Api.Reply first = post(publisher, "twice-1", "asset.uploaded", "{\"uuid\": \"u\"}", null);
        Api.Reply second = post(publisher, "twice-1", "asset.uploaded", "{\"uuid\": \"u\"}", null);
        Api.Reply different = post(Api.admin(base), "twice-1", "asset.deleted", "{\"uuid\": \"other\"}", null);
        assertEquals(202, first.status(), first.toString());
        assertEquals(first.toString(), second.toString());
        assertEquals(first.toString(), different.toString());
        assertEquals(1, outbox("twice-1").getJsonArray("deliveries").size());
    }

    @Test
    void theSameIdPostedConcurrentlyIsRecordedOnce() throws Exception {
        Api publisher = Api.publisher(base);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Api.Reply>> posts = new ArrayList<>();
            for (int i = 0; i < 6; i++) posts.add(() -> post(publisher, "race-1", "asset.uploaded", "{\"uuid\": \"u\"}", null));
            Set<String> answers = pool.invokeAll(posts).stream().map(EventsIT::get).map(Api.Reply::toString)
                    .collect(Collectors.toSet());
            assertEquals(Set.of("202 {\"eventId\":\"race-1\",\"deliveries\":1}"), answers);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, outbox("race-1").getJsonArray("deliveries").size());
    }

    @Test
    void invalidEventsAre400NamingTheField() {
        Api publisher = Api.publisher(base);
        assertInvalid(publisher.post("events", "{\"type\": \"asset.exploded\", \"asset\": {\"uuid\": \"u\"}}"), "type");
        assertInvalid(publisher.post("events", "{\"asset\": {\"uuid\": \"u\"}}"), "type");
        assertInvalid(publisher.post("events", "{\"type\": \"asset.uploaded\", \"asset\": {\"name\": \"a.jpg\"}}"), "asset.uuid");
        assertInvalid(publisher.post("events", "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\", \"size\": \"12\"}}"), "asset.size");
        assertInvalid(publisher.post("events", "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": 5}}"), "asset.uuid");
        assertInvalid(publisher.post("events", "{\"type\": 5, \"asset\": {\"uuid\": \"u\"}}"), "type");
        assertInvalid(publisher.post("events", "{\"type\": \"asset.moved\", \"asset\": {\"uuid\": \"u\"}, \"changes\": {\"path\": {\"old\": 1}}}"), "changes.path.old");
        assertInvalid(publisher.post("events", "[{\"type\": \"asset.uploaded\"}]"), "body");
        assertInvalid(publisher.post("events", "\"asset.uploaded\""), "body");
        assertInvalid(publisher.post("events", "{\"type\": \"asset.uploaded\", "), "body");
        assertEquals(0, outbox("never").getJsonArray("deliveries").size());
    }

    @Test
    void aBodyAboveTheLimitIs413WithOrWithoutALength() throws Exception {
        String big = "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\", \"name\": \"" + "a".repeat(MAX_SIZE) + "\"}}";
        Api.Reply declared = Api.publisher(base).post("events", big);
        assertEquals(413, declared.status(), declared.toString());
        assertEquals("application/problem+json", declared.header("Content-Type").split(";")[0]);
        assertTrue(declared.json().getString("detail").contains("webhooks.events.max-size"), declared.toString());

        HttpRequest chunked = HttpRequest.newBuilder(URI.create(base + "api/events"))
                .header("Content-Type", "application/json").header("Authorization", basic(Deployments.PUBLISHER, Deployments.PUBLISHER_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> reply = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, reply.statusCode(), reply.body());

        String fits = "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"u\", \"name\": \"" + "a".repeat(MAX_SIZE - 100) + "\"}}";
        assertEquals(202, Api.publisher(base).post("events", fits).status());
    }

    @Test
    void publishersAndAdminsMayPostOthersMayNot() {
        String event = "{\"type\": \"asset.deleted\", \"asset\": {\"uuid\": \"u\"}}";
        assertEquals(401, Api.anonymous(base).post("events", event).status());
        assertEquals(401, Api.as(base, Deployments.PUBLISHER, "wrong").post("events", event).status());
        assertEquals(202, Api.publisher(base).post("events", event).status());
        assertEquals(202, Api.admin(base).post("events", event).status());
        // the publisher may do nothing else
        assertEquals(403, Api.publisher(base).get("webhooks").status());
        assertEquals(403, Api.publisher(base).get("test-dam/outbox?eventId=x").status());
    }

    // --- helpers

    private int change(String key, FakeDam.Outcome outcome) {
        Api.Reply reply = Api.admin(base).post("test-dam/change?key=" + key + "&outcome=" + outcome, "");
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getInt("announced");
    }

    private JsonObject outbox(String eventId) {
        Api.Reply reply = Api.admin(base).get("test-dam/outbox?eventId=" + eventId);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static JsonObject asset(JsonObject outbox) {
        assertEquals(1, outbox.getJsonArray("deliveries").size(), outbox.toString());
        return json(outbox.getJsonArray("deliveries").getJsonObject(0).getString("payload")).getJsonObject("data").getJsonObject("asset");
    }

    private static List<String> webhookIds(JsonObject outbox) {
        JsonArray deliveries = outbox.getJsonArray("deliveries");
        return deliveries.stream().map(d -> d.asJsonObject().getString("webhookId")).toList();
    }

    private static Api.Reply post(Api api, String id, String type, String asset, String changes) {
        return api.post("events", "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"asset\": " + asset
                + (changes == null ? "" : ", \"changes\": " + changes) + "}");
    }

    private static String create(Api admin, String webhook) {
        Api.Reply reply = admin.post("webhooks", webhook);
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getString("id");
    }

    private static void assertInvalid(Api.Reply reply, String field) {
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("application/problem+json", reply.header("Content-Type").split(";")[0]);
        List<String> fields = reply.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).toList();
        assertTrue(fields.contains(field), field + " not in " + reply);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
