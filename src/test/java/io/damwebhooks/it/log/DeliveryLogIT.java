package io.damwebhooks.it.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.Poll;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The delivery log over HTTP as an admin uses it: deliveries and attempts are seeded as the engine
 * would write them ({@link SeedResource}), then listed, paged, filtered, read, redelivered, recovered
 * and purged. Robust to a delivery engine in the same WAR: pending seeds are due in a day, and ten long
 * retry delays keep a redelivered message pending after a failed attempt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeliveryLogIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of(
                        "webhooks.limit", "20",
                        "webhooks.delivery.retry-delays", "1h,1h,1h,1h,1h,1h,1h,1h,1h,1h",
                        "webhooks.delivery.retention", "1h",
                        "webhooks.delivery.purge-interval", "300ms"))
                .addClasses(SeedApplication.class, SeedResource.class);
    }

    @ArquillianResource
    URL deployment;

    @Test
    void listsNewestFirstAndFiltersByStatus() {
        String webhook = webhook();
        Instant t = now().minusSeconds(60);
        String failed = seed(webhook, "failed", t, List.of(503, 503, 503));
        String succeeded = seed(webhook, "succeeded", t.plusSeconds(1), List.of(200));
        String pending = seed(webhook, "pending", t.plusSeconds(2), List.of(0));

        JsonObject page = ok(admin().get("webhooks/" + webhook + "/deliveries"));
        assertEquals(List.of(pending, succeeded, failed), ids(page));
        assertEquals(JsonValue.NULL, page.get("next"));
        JsonObject first = page.getJsonArray("items").getJsonObject(2);
        assertEquals(webhook, first.getString("webhookId"));
        assertEquals("asset.uploaded", first.getString("eventType"));
        assertEquals("failed", first.getString("status"));
        assertEquals(3, first.getInt("attemptCount"));
        assertEquals(503, first.getInt("lastStatusCode"));
        assertEquals(JsonValue.NULL, first.get("nextAttemptAt"));
        assertEquals(t, Instant.parse(first.getString("createdAt")));
        assertFalse(first.containsKey("attempts") || first.containsKey("payload"), "a page carries no attempts nor bodies");

        assertEquals(List.of(succeeded), ids(ok(admin().get("webhooks/" + webhook + "/deliveries?status=succeeded"))));
        assertEquals(List.of(failed), ids(ok(admin().get("webhooks/" + webhook + "/deliveries?status=failed"))));
        assertEquals(List.of(pending), ids(ok(admin().get("webhooks/" + webhook + "/deliveries?status=pending"))));
        assertEquals(List.of(), ids(ok(admin().get("webhooks/" + webhook() + "/deliveries"))), "another webhook's log is its own");
    }

    @Test
    void pagesFollowNextToTheEndWithoutGapsOrRepeats() {
        String webhook = webhook();
        List<String> seeded = new ArrayList<>();
        for (int i = 0; i < 5; i++) seeded.add(seed(webhook, "failed", now(), List.of(500)));
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String next = null;
        do {
            JsonObject page = ok(admin().get("webhooks/" + webhook + "/deliveries?limit=2" + (next == null ? "" : "&cursor=" + next)));
            // a delivery recorded while paging is newer than every cursor: it never shifts the pages
            if (seen.isEmpty()) seed(webhook, "failed", now(), List.of(500));
            seen.addAll(ids(page));
            sizes.add(ids(page).size());
            next = page.get("next") instanceof JsonString cursor ? cursor.getString() : null;
        } while (next != null && sizes.size() < 10);
        assertEquals(List.of(2, 2, 1), sizes);
        assertEquals(seeded.stream().sorted(Comparator.reverseOrder()).toList(), seen);

        List<String> failedOnly = ids(ok(admin().get("webhooks/" + webhook + "/deliveries?status=failed&limit=250")));
        assertEquals(6, failedOnly.size());
    }

    @Test
    void badParametersAre400sNamingThem() {
        String webhook = webhook();
        String list = "webhooks/" + webhook + "/deliveries";
        assertInvalid(admin().get(list + "?status=done"), "status");
        assertInvalid(admin().get(list + "?limit=0"), "limit");
        assertInvalid(admin().get(list + "?limit=251"), "limit");
        assertInvalid(admin().get(list + "?limit=ten"), "limit");
        assertInvalid(admin().get(list + "?cursor=bm90LWEtY3Vyc29y"), "cursor");
        assertInvalid(admin().get(list + "?cursor=%21%21"), "cursor");
        assertInvalid(admin().post("webhooks/" + webhook + "/recover", null), "since");
        assertInvalid(admin().post("webhooks/" + webhook + "/recover?since=yesterday", null), "since");
        assertInvalid(admin().post("webhooks/" + webhook + "/recover?since=2026-01-01", null), "since");
        assertEquals(200, admin().get(list + "?limit=250&status=pending").status());
    }

    @Test
    void oneDeliveryShowsItsAttemptsAndTheBodySent() {
        String webhook = webhook();
        Instant t = now().minusSeconds(30);
        String id = seed(webhook, "succeeded", t, List.of(0, 503, 200));
        JsonObject delivery = ok(admin().get("deliveries/" + id));
        assertEquals(id, delivery.getString("id"));
        assertEquals("succeeded", delivery.getString("status"));
        assertEquals(3, delivery.getInt("attemptCount"));
        assertTrue(delivery.getString("payload").startsWith("{\"type\":\"asset.uploaded\""), delivery.toString());
        var attempts = delivery.getJsonArray("attempts");
        assertEquals(3, attempts.size());
        JsonObject timeout = attempts.getJsonObject(0);
        assertEquals(1, timeout.getInt("number"));
        assertEquals(t, Instant.parse(timeout.getString("startedAt")));
        assertEquals(31, timeout.getInt("durationMs"));
        assertEquals(JsonValue.NULL, timeout.get("statusCode"));
        assertEquals("timeout after 15s", timeout.getString("error"));
        JsonObject ok = attempts.getJsonObject(2);
        assertEquals(3, ok.getInt("number"));
        assertEquals(200, ok.getInt("statusCode"));
        assertEquals(JsonValue.NULL, ok.get("error"));
        assertEquals("answer 200", ok.getString("responseBody"));
    }

    @Test
    void redeliverySendsTheSameMessageAgainKeepingItsHistory() {
        String webhook = webhook();
        for (String status : List.of("failed", "succeeded")) {
            String id = seed(webhook, status, now().minusSeconds(30), List.of(503, 503));
            Api.Reply reply = admin().post("deliveries/" + id + "/redeliver", null);
            assertEquals(202, reply.status(), reply.toString());
            assertEquals(id, reply.json().getString("id"), "same id, so the same webhook-id");
            JsonObject now = ok(admin().get("deliveries/" + id));
            assertEquals("pending", now.getString("status"), status + " redelivered: " + now);
            assertTrue(now.getInt("attemptCount") >= 2, now.toString());
            assertEquals(1, now.getJsonArray("attempts").getJsonObject(0).getInt("number"), "history kept");
            assertEquals(2, now.getJsonArray("attempts").getJsonObject(1).getInt("number"), "history kept");
            assertDueNowUnlessAlreadyTried(now, 2);
        }
        String pending = seed(webhook, "pending", now(), now().plus(Duration.ofDays(1)), List.of(503));
        assertEquals(202, admin().post("deliveries/" + pending + "/redeliver", null).status());
        assertDueNowUnlessAlreadyTried(ok(admin().get("deliveries/" + pending)), 1);
        assertEquals(404, admin().post("deliveries/msg_01JD8X3K4Q7M9ZB2C5N6P0RSTV/redeliver", null).status());
    }

    @Test
    void aDeliveryBeingSentRightNowIsNotSentTwiceInParallel() {
        Instant inADay = now().plus(Duration.ofDays(1));
        String json = "{\"webhookId\": \"" + webhook() + "\", \"status\": \"pending\", \"createdAt\": \"" + now()
                + "\", \"nextAttemptAt\": \"" + inADay + "\", \"leaseUntil\": \"" + now().plus(Duration.ofMinutes(10))
                + "\", \"attempts\": [503]}";
        String inFlight = ok(admin().post("test-seed/deliveries", json)).getString("id");
        assertEquals(202, admin().post("deliveries/" + inFlight + "/redeliver", null).status());
        JsonObject delivery = ok(admin().get("deliveries/" + inFlight));
        assertEquals("pending", delivery.getString("status"));
        assertEquals(inADay, Instant.parse(delivery.getString("nextAttemptAt")), "the lease holder's attempt is the redelivery");
    }

    @Test
    void recoveryRedeliversTheFailedOnesSinceTheInstant() {
        String webhook = webhook();
        Instant now = now();
        String before = seed(webhook, "failed", now.minusSeconds(1800), List.of(500));
        String after1 = seed(webhook, "failed", now.minusSeconds(600), List.of(500, 500));
        String after2 = seed(webhook, "failed", now.minusSeconds(300), List.of(0));
        String succeeded = seed(webhook, "succeeded", now.minusSeconds(300), List.of(200));
        String otherWebhooks = seed(webhook(), "failed", now.minusSeconds(300), List.of(500));

        Api.Reply reply = admin().post("webhooks/" + webhook + "/recover?since=" + now.minusSeconds(1200), null);
        assertEquals(202, reply.status(), reply.toString());
        assertEquals(2, reply.json().getInt("deliveries"));
        assertEquals("failed", status(before));
        assertEquals("pending", status(after1));
        assertEquals("pending", status(after2));
        assertEquals("succeeded", status(succeeded));
        assertEquals("failed", status(otherWebhooks));
        assertEquals(2, ok(admin().get("deliveries/" + after1)).getJsonArray("attempts").getJsonObject(1).getInt("number"));

        Api.Reply none = admin().post("webhooks/" + webhook + "/recover?since=" + now.plusSeconds(60), null);
        assertEquals(0, none.json().getInt("deliveries"));
    }

    @Test
    void onlyAdminsReadTheLogAndUnknownIdsAre404() {
        String webhook = webhook();
        String id = seed(webhook, "failed", now(), List.of(500));
        for (var refused : Map.of(Api.anonymous(base()), 401, Api.publisher(base()), 403).entrySet()) {
            Api caller = refused.getKey();
            int expected = refused.getValue();
            assertEquals(expected, caller.get("webhooks/" + webhook + "/deliveries").status());
            assertEquals(expected, caller.get("deliveries/" + id).status());
            assertEquals(expected, caller.post("deliveries/" + id + "/redeliver", null).status());
            assertEquals(expected, caller.post("webhooks/" + webhook + "/recover?since=2020-01-01T00:00:00Z", null).status());
        }
        assertProblem(admin().get("webhooks/wh_unknown/deliveries"), 404);
        assertProblem(admin().get("deliveries/msg_unknown"), 404);
        assertProblem(admin().post("webhooks/wh_unknown/recover?since=2020-01-01T00:00:00Z", null), 404);
        assertEquals("failed", status(id), "a refused call changes nothing");
        assertEquals(200, admin().get("webhooks/" + webhook).status(), "the webhook API is still routed as before");
    }

    @Test
    void finishedDeliveriesAndEventsOlderThanTheRetentionArePurgedPendingOnesStay() {
        String webhook = webhook();
        Instant old = now().minus(Duration.ofHours(2));
        String oldSucceeded = seed(webhook, "succeeded", old, List.of(200));
        String oldFailed = seed(webhook, "failed", old, List.of(500, 500));
        String oldPending = seed(webhook, "pending", old, now().plus(Duration.ofDays(1)), List.of(500));
        String recent = seed(webhook, "failed", now().minus(Duration.ofMinutes(30)), List.of(500));
        assertEquals(204, admin().post("test-seed/events", "{\"id\": \"old-event\", \"receivedAt\": \"" + old + "\"}").status());
        assertEquals(204, admin().post("test-seed/events", "{\"id\": \"new-event\", \"receivedAt\": \"" + now() + "\"}").status());

        Poll.until(Duration.ofSeconds(30), () -> List.of(admin().get("deliveries/" + oldSucceeded).status(),
                        admin().get("deliveries/" + oldFailed).status(), admin().get("test-seed/events/old-event").status()),
                statuses -> statuses.equals(List.of(404, 404, 404)), "old finished deliveries and old events purged");
        assertEquals("pending", status(oldPending));
        assertEquals("failed", status(recent));
        assertEquals(200, admin().get("test-seed/events/new-event").status());
        assertEquals(List.of(recent, oldPending), ids(ok(admin().get("webhooks/" + webhook + "/deliveries"))));
    }

    @Test
    void theSearchFindsAnAssetsDeliveriesToEveryWebhookAndCombinesFilters() {
        String pim = webhook();
        String cdn = webhook();
        String asset = "asset-" + UUID.randomUUID();
        Instant t = now().minusSeconds(120);
        String toPim = seed(pim, asset, "evt-1-" + asset, "asset.uploaded", "failed", t);
        String toCdn = seed(cdn, asset, "evt-1-" + asset, "asset.uploaded", "succeeded", t.plusSeconds(1));
        String moved = seed(pim, asset, "evt-2-" + asset, "asset.moved", "succeeded", t.plusSeconds(60));
        String other = seed(pim, "another-" + asset, "evt-3-" + asset, "asset.uploaded", "succeeded", t.plusSeconds(61));

        JsonObject page = ok(admin().get("deliveries?assetUuid=" + asset));
        assertEquals(List.of(moved, toCdn, toPim), ids(page), "every webhook's, newest first, no other asset's");
        assertEquals(JsonValue.NULL, page.get("next"));
        JsonObject first = page.getJsonArray("items").getJsonObject(2);
        assertEquals(asset, first.getString("assetUuid"));
        assertEquals(pim, first.getString("webhookId"));
        assertFalse(first.containsKey("attempts") || first.containsKey("payload"), "a page carries no attempts nor bodies");

        assertEquals(List.of(toCdn, toPim), ids(ok(admin().get("deliveries?eventId=evt-1-" + asset))));
        assertEquals(List.of(toPim), ids(ok(admin().get("deliveries?eventId=evt-1-" + asset + "&webhookId=" + pim))));
        assertEquals(List.of(toPim), ids(ok(admin().get("deliveries?assetUuid=" + asset + "&status=failed"))));
        assertEquals(List.of(moved), ids(ok(admin().get("deliveries?assetUuid=" + asset + "&eventType=asset.moved"))));
        assertEquals(List.of(moved, toPim), ids(ok(admin().get("deliveries?assetUuid=" + asset + "&webhookId=" + pim))));
        assertEquals(List.of(toCdn, toPim), ids(ok(admin().get("deliveries?assetUuid=" + asset + "&from=" + t + "&to=" + t.plusSeconds(60)))),
                "from inclusive, to exclusive");
        assertEquals(List.of(moved), ids(ok(admin().get("deliveries?assetUuid=" + asset + "&from=" + t.plusSeconds(2)))));
        assertEquals(List.of(other, moved), ids(ok(admin().get("deliveries?webhookId=" + pim + "&eventType=&from=" + t.plusSeconds(60)))),
                "an empty parameter counts as absent");
        assertEquals(List.of(), ids(ok(admin().get("deliveries?assetUuid=" + asset + "&status=pending"))));
        assertEquals(List.of(toPim), ids(ok(admin().get("deliveries?webhookId=" + pim + "&status=failed"))), "a webhook's failed ones (V9's index)");
        assertEquals(List.of(other, moved), ids(ok(admin().get("deliveries?webhookId=" + pim + "&status=succeeded"))));
        assertEquals(List.of(), ids(ok(admin().get("deliveries?webhookId=" + cdn + "&status=failed"))));
        List<String> newest = ids(ok(admin().get("deliveries?limit=2")));
        assertEquals(2, newest.size(), "no filter: the newest of all");
    }

    @Test
    void tenThousandDeliveriesOfOneAssetPageToTheEndNewestFirst() {
        List<String> webhooks = List.of(webhook(), webhook(), webhook());
        String asset = "asset-" + UUID.randomUUID();
        String json = "{\"webhookIds\": [\"" + String.join("\", \"", webhooks) + "\"], \"count\": 10000, \"assetUuid\": \"" + asset
                + "\", \"status\": \"succeeded\", \"createdAt\": \"" + now().minusSeconds(90) + "\", \"attempts\": [200]}";
        Api.Reply seeded = admin().post("test-seed/deliveries", json);
        assertEquals(200, seeded.status(), seeded.toString());
        List<String> expected = new ArrayList<>(seeded.json().getJsonArray("ids").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        expected.sort(Comparator.reverseOrder());

        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonObject page = ok(admin().get("deliveries?assetUuid=" + asset + "&limit=250" + (next == null ? "" : "&cursor=" + next)));
            seen.addAll(ids(page));
            next = page.get("next") instanceof JsonString cursor ? cursor.getString() : null;
        } while (next != null && ++pages < 100);
        assertEquals(expected, seen, "all 10,000, newest first, none twice");
        List<String> toOne = new ArrayList<>();
        next = null;
        do {
            JsonObject page = ok(admin().get("deliveries?assetUuid=" + asset + "&webhookId=" + webhooks.get(1) + "&limit=250"
                    + (next == null ? "" : "&cursor=" + next)));
            toOne.addAll(ids(page));
            next = page.get("next") instanceof JsonString cursor ? cursor.getString() : null;
        } while (next != null && toOne.size() < 10_000);
        assertEquals(3333, toOne.size(), "one webhook's share: the second of three, round robin");
    }

    @Test
    void badSearchParametersAre400sNamingThem() {
        assertInvalid(admin().get("deliveries?status=done"), "status");
        assertInvalid(admin().get("deliveries?limit=251"), "limit");
        assertInvalid(admin().get("deliveries?cursor=bm90LWEtY3Vyc29y"), "cursor");
        assertInvalid(admin().get("deliveries?eventType=asset.exploded"), "eventType");
        assertInvalid(admin().get("deliveries?from=yesterday"), "from");
        assertInvalid(admin().get("deliveries?to=2026-13-01T00:00:00Z"), "to");
        assertInvalid(admin().get("deliveries?from=2026-11-29T10:00:00Z&to=2026-11-29T10:00:00Z"), "to");
        assertInvalid(admin().get("deliveries?assetUuid=" + "x".repeat(201)), "assetUuid");
        assertEquals(List.of(), ids(ok(admin().get("deliveries?eventType=webhook.test&webhookId=wh_unknown"))));
        for (var refused : Map.of(Api.anonymous(base()), 401, Api.publisher(base()), 403).entrySet()) {
            assertEquals(refused.getValue(), refused.getKey().get("deliveries").status());
            assertEquals(refused.getValue(), refused.getKey().get("webhooks/" + webhook() + "/stats").status());
        }
    }

    @Test
    void statsCountAScriptedHistoryPerBucket() {
        String webhook = webhook();
        // within the hour this deployment keeps: 25 minutes ago, on a 5-minute boundary
        long fiveMinutes = Duration.ofMinutes(5).toMillis();
        Instant base = Instant.ofEpochMilli(now().minus(Duration.ofMinutes(25)).toEpochMilli() / fiveMinutes * fiveMinutes);
        // 10 attempts of 40 ms answered 200 in its first minute, then a 503 after 300 ms and a timeout at
        // 15 s in its 7th minute, and one 204 of 5 ms 20 minutes later
        StringBuilder attempts = new StringBuilder("[");
        for (int i = 0; i < 10; i++) attempts.append(attempt(base.plusSeconds(i * 5), 40, 200)).append(", ");
        attempts.append(attempt(base.plusSeconds(400), 300, 503)).append(", ").append(attempt(base.plusSeconds(401), 15_000, null))
                .append(", ").append(attempt(base.plus(Duration.ofMinutes(20)), 5, 204)).append("]");
        assertEquals(204, admin().post("test-seed/attempts/" + webhook, attempts.toString()).status());

        JsonObject stats = ok(admin().get("webhooks/" + webhook + "/stats?bucket=5m&from=" + base + "&to=" + base.plus(Duration.ofMinutes(25))));
        assertEquals(webhook, stats.getString("webhookId"));
        assertEquals("5m", stats.getString("bucket"));
        assertEquals(base, Instant.parse(stats.getString("from")));
        assertEquals(base.plus(Duration.ofMinutes(25)), Instant.parse(stats.getString("to")));
        var buckets = stats.getJsonArray("buckets");
        assertEquals(5, buckets.size());
        assertBucket(buckets.getJsonObject(0), base, 10, 0, 40, 40);
        assertBucket(buckets.getJsonObject(1), base.plus(Duration.ofMinutes(5)), 0, 2, 500, 15_000);
        assertBucket(buckets.getJsonObject(4), base.plus(Duration.ofMinutes(20)), 1, 0, 5, 5);
        JsonObject empty = buckets.getJsonObject(2);
        assertEquals(0, empty.getInt("succeeded") + empty.getInt("failed"));
        assertEquals(JsonValue.NULL, empty.get("p50Ms"), "an empty bucket: zeros and null percentiles");

        var hours = ok(admin().get("webhooks/" + webhook + "/stats?bucket=1h&from=" + base + "&to=" + base.plus(Duration.ofMinutes(25))))
                .getJsonArray("buckets").getValuesAs(JsonObject.class);
        assertEquals(base.truncatedTo(ChronoUnit.HOURS), Instant.parse(hours.get(0).getString("start")), "moved out to whole hours");
        assertEquals(List.of(11, 2), List.of(hours.stream().mapToInt(h -> h.getInt("succeeded")).sum(),
                hours.stream().mapToInt(h -> h.getInt("failed")).sum()));
        if (hours.size() == 1) assertBucket(hours.get(0), base.truncatedTo(ChronoUnit.HOURS), 11, 2, 50, 15_000);
        JsonObject lastDay = ok(admin().get("webhooks/" + webhook + "/stats"));
        assertEquals(24, lastDay.getJsonArray("buckets").size(), "by default the last 24 hours, hourly");
        assertEquals(13, lastDay.getJsonArray("buckets").stream().mapToInt(b -> b.asJsonObject().getInt("succeeded")
                + b.asJsonObject().getInt("failed")).sum());
        assertInvalid(admin().get("webhooks/" + webhook + "/stats?bucket=2h"), "bucket");
        assertInvalid(admin().get("webhooks/" + webhook + "/stats?from=noon"), "from");
        assertInvalid(admin().get("webhooks/" + webhook + "/stats?bucket=1m&from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z"), "bucket");
        assertProblem(admin().get("webhooks/wh_unknown/stats"), 404);
    }

    private static String attempt(Instant startedAt, long durationMs, Integer statusCode) {
        return "{\"startedAt\": \"" + startedAt + "\", \"durationMs\": " + durationMs + ", \"statusCode\": " + statusCode + "}";
    }

    private static void assertBucket(JsonObject bucket, Instant start, int succeeded, int failed, long p50, long p95) {
        assertEquals(start, Instant.parse(bucket.getString("start")), bucket.toString());
        assertEquals(succeeded, bucket.getInt("succeeded"), bucket.toString());
        assertEquals(failed, bucket.getInt("failed"), bucket.toString());
        assertEquals(p50, bucket.getJsonNumber("p50Ms").longValue(), bucket.toString());
        assertEquals(p95, bucket.getJsonNumber("p95Ms").longValue(), bucket.toString());
    }

    private String seed(String webhook, String asset, String eventId, String eventType, String status, Instant createdAt) {
        String json = "{\"webhookId\": \"" + webhook + "\", \"assetUuid\": \"" + asset + "\", \"eventId\": \"" + eventId
                + "\", \"eventType\": \"" + eventType + "\", \"status\": \"" + status + "\", \"createdAt\": \"" + createdAt + "\""
                + (status.equals("pending") ? ", \"nextAttemptAt\": \"" + now().plus(Duration.ofDays(1)) + "\"" : "")
                + ", \"attempts\": [200]}";
        return ok(admin().post("test-seed/deliveries", json)).getString("id");
    }

    /** Milliseconds only: what the database keeps (H2 has microseconds, the JVM clock nanoseconds). */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private Api admin() {
        return Api.admin(base());
    }

    /**
     * Without its trailing slash: {@code Api} appends one with {@code replaceAll("/?$", "/")}, which
     * doubles an existing one ({@code …/dam-webhooks//api/}), and since {@code Api} stopped resolving
     * paths through {@code URI.resolve} the double slash reaches the server as a 404.
     */
    private URL base() {
        try {
            return new URL(deployment.toString().replaceAll("/+$", ""));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String webhook() {
        Api.Reply created = admin().post("webhooks", """
                {"name": "log test", "hostname": "pim.example.com", "path": "/hooks/dam",
                 "triggers": [{"event": "asset.uploaded"}]}""");
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    /** A finished delivery, or a pending one due in a day (so that no engine sends it meanwhile). */
    private String seed(String webhook, String status, Instant createdAt, List<Integer> attempts) {
        Instant due = status.equals("pending") ? now().plus(Duration.ofDays(1)) : null;
        return seed(webhook, status, createdAt, due, attempts);
    }

    /** {@code attempts}: the status code of each, 0 for one that got no answer. */
    private String seed(String webhook, String status, Instant createdAt, Instant nextAttemptAt, List<Integer> attempts) {
        String json = "{\"webhookId\": \"" + webhook + "\", \"status\": \"" + status + "\", \"createdAt\": \"" + createdAt + "\""
                + (nextAttemptAt == null ? "" : ", \"nextAttemptAt\": \"" + nextAttemptAt + "\"") + ", \"attempts\": " + attempts + "}";
        return ok(admin().post("test-seed/deliveries", json)).getString("id");
    }

    /** Due now, not when it was due before; unless an engine in the WAR has already made the next attempt. */
    private static void assertDueNowUnlessAlreadyTried(JsonObject delivery, int attemptsBefore) {
        if (delivery.getInt("attemptCount") > attemptsBefore) return;
        Instant due = Instant.parse(delivery.getString("nextAttemptAt"));
        assertFalse(due.isAfter(Instant.now()), "due now: " + delivery);
    }

    private String status(String delivery) {
        return ok(admin().get("deliveries/" + delivery)).getString("status");
    }

    private static JsonObject ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(item -> item.getString("id")).toList();
    }

    private static void assertInvalid(Api.Reply reply, String field) {
        JsonObject problem = assertProblem(reply, 400);
        assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"), reply.toString());
    }

    private static JsonObject assertProblem(Api.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals("application/problem+json", reply.header("Content-Type").split(";")[0], reply.toString());
        assertNotNull(reply.json().getString("title"));
        return reply.json();
    }
}
