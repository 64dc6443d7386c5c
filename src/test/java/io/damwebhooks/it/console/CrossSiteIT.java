package io.damwebhooks.it.console;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.Receiver;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Another site's page cannot make the service change anything through a browser that holds the admin's
 * Basic credentials: in headless chromium, pages on a second port (under the service's host name: same-site;
 * under other names of the machine: cross-site) submit a form and fetch each state-changing operation; no secret is rotated,
 * no delivery or webhook made, redelivered, recovered or deleted. Tools without the browser's headers
 * keep working, and a browser is never asked for Basic credentials it would then keep.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrossSiteIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of("webhooks.delivery.allow-http", "true", "webhooks.delivery.allow-private-networks", "true",
                "webhooks.delivery.retry-delays", "100ms"));
    }

    @ArquillianResource
    URL base;

    static Receiver receiver;
    static ChromeDriver driver;
    Api admin;
    String webhookId;
    String deliveryId;
    String downId;
    String failedId;

    @BeforeAll
    static void start() {
        receiver = new Receiver(0);
        driver = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (receiver != null) receiver.close();
    }

    /** A webhook whose test delivery succeeded, and one (nothing listens at its port) whose test delivery failed. */
    @BeforeEach
    void webhooksWithDeliveries() {
        admin = Api.admin(base);
        for (var webhook : admin.get("webhooks").array()) admin.delete("webhooks/" + webhook.asJsonObject().getString("id"));
        webhookId = webhookWithTestDelivery("Target", receiver.url("/hook"));
        downId = webhookWithTestDelivery("Down", "http://127.0.0.1:1/hook");
        deliveryId = onlyDelivery(webhookId, "succeeded");
        failedId = onlyDelivery(downId, "failed");
    }

    private String webhookWithTestDelivery(String name, String url) {
        Api.Reply created = admin.post("webhooks", "{\"name\": \"" + name + "\", \"url\": \"" + url
                + "\", \"triggers\": [{\"event\": \"asset.uploaded\"}]}");
        assertEquals(201, created.status(), created.toString());
        String id = created.json().getString("id");
        assertEquals(202, admin.post("webhooks/" + id + "/test", null).status());
        return id;
    }

    private String onlyDelivery(String webhook, String status) {
        return Poll.until(Duration.ofSeconds(90), () -> admin.get("webhooks/" + webhook + "/deliveries").json().getJsonArray("items"),
                items -> items.size() == 1 && items.getJsonObject(0).getString("status").equals(status),
                "the test delivery of " + webhook + " " + status).getJsonObject(0).getString("id");
    }

    /** Every operation that changes something, as another site's page would aim at it. */
    private List<AttackerSite.Operation> operations() {
        String api = base.toString().replaceFirst("/*$", "/") + "api/";
        String event = "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"x\", \"name\": \"x.jpg\", \"size\": 1, \"path\": \"/x.jpg\", "
                + "\"mimeType\": \"image/jpeg\", \"cdnLink\": \"https://cdn.example.com/x.jpg\"}}";
        return List.of(
                new AttackerSite.Operation("POST", api + "webhooks/" + webhookId + "/secret/rotate", null),
                new AttackerSite.Operation("POST", api + "webhooks/" + webhookId + "/test", null),
                new AttackerSite.Operation("POST", api + "webhooks/" + downId + "/recover?since=2000-01-01T00:00:00Z", null),
                new AttackerSite.Operation("POST", api + "deliveries/" + deliveryId + "/redeliver", null),
                new AttackerSite.Operation("POST", api + "deliveries/" + failedId + "/redeliver", null),
                new AttackerSite.Operation("POST", api + "webhooks", "{\"name\": \"Evil\", \"url\": \"" + receiver.url("/evil")
                        + "\", \"triggers\": [{\"event\": \"asset.uploaded\"}]}"),
                new AttackerSite.Operation("POST", api + "events", event),
                new AttackerSite.Operation("PUT", api + "webhooks/" + webhookId, "{\"name\": \"Renamed\"}"),
                new AttackerSite.Operation("DELETE", api + "webhooks/" + webhookId, null));
    }

    @Test
    void anotherSitesPagesChangeNothingWhileTheBrowserHoldsTheAdminsCredentials() {
        // the browser holds the admin's credentials: it sends them with every request, as it does with
        // Basic credentials it cached after a prompt (DevTools sets them on every request of the tab)
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", basicAdmin())));
        String secret = secret();
        List<String> deliveries = deliveries();
        try (AttackerSite site = new AttackerSite(operations())) {
            // the service's own host on another port (same-site), and other names of this machine (cross-site)
            for (String host : new java.util.LinkedHashSet<>(List.of(base.getHost(), "127.0.0.1", "localhost"))) {
                for (int i = 0; i < site.size(); i++) {
                    AttackerSite.Operation operation = site.operation(i);
                    if (operation.method().equals("POST")) {
                        driver.get(site.formPage(host, i));
                        String target = operation.url();
                        Poll.until(Duration.ofSeconds(30), driver::getCurrentUrl, url -> url.equals(target),
                                "the form from " + host + " submitted to " + target);
                    }
                    driver.get(site.fetchPage(host, i));
                    Poll.until(Duration.ofSeconds(30), () -> driver.executeScript("return window.attackDone"), done -> done != null,
                            "the fetch from " + host + " of " + operation.method() + " " + operation.url() + " settled");
                }
            }
        }
        assertAll(
                () -> assertEquals(secret, secret(), "the signing secret was not rotated"),
                () -> assertEquals(deliveries, deliveries(), "no test send, recovery or redelivery"),
                () -> assertEquals(2, admin.get("webhooks").array().size(), "no webhook created or deleted"),
                () -> assertEquals("Target", admin.get("webhooks/" + webhookId).json().getString("name"), "not renamed"));

        // the same browser, on the service's own page, does change things: it did hold the credentials
        driver.get(base.toString());
        Object status = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('api/webhooks/" + webhookId + "/secret/rotate', {method: 'POST'}).then(r => done(r.status), e => done(String(e)));");
        assertEquals(200L, status);
        assertNotEquals(secret, secret(), "rotated from the service's own page");
    }

    @Test
    void everyStateChangingOperationRefusesABrowsersCrossSiteRequestWithAProblemAndToolsStillWork() {
        Map<String, Map<String, String>> contexts = Map.of(
                "cross-site", Map.of("Sec-Fetch-Site", "cross-site", "Origin", "http://evil.example"),
                "same-site", Map.of("Sec-Fetch-Site", "same-site", "Origin", "http://127.0.0.1:1"),
                "another origin, older browser", Map.of("Origin", "http://evil.example"),
                "an opaque origin", Map.of("Origin", "null"));
        List<Executable> checks = new ArrayList<>();
        String secret = secret();
        List<String> deliveries = deliveries();
        for (AttackerSite.Operation operation : operations()) {
            contexts.forEach((context, headers) -> {
                HttpResponse<String> answer = send(operation, headers);
                String what = context + " " + operation.method() + " " + operation.url() + ": " + answer.body();
                checks.add(() -> assertEquals(403, answer.statusCode(), what));
                checks.add(() -> assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), what));
                checks.add(() -> assertTrue(answer.body().contains("\"status\":403"), what));
            });
        }
        assertAll(checks);
        assertEquals(secret, secret());
        assertEquals(deliveries, deliveries());
        assertEquals(2, admin.get("webhooks").array().size());

        // the console's own requests (same origin) and tools (neither header) go on working
        String rotate = base.toString().replaceFirst("/*$", "/") + "api/webhooks/" + webhookId + "/secret/rotate";
        String own = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        assertEquals(200, send(new AttackerSite.Operation("POST", rotate, null), Map.of("Sec-Fetch-Site", "same-origin", "Origin", own)).statusCode());
        assertEquals(200, send(new AttackerSite.Operation("POST", rotate, null), Map.of("Origin", own)).statusCode());
        assertEquals(200, send(new AttackerSite.Operation("POST", rotate, null), Map.of()).statusCode());
    }

    @Test
    void aBrowserIsNeverAskedForBasicCredentials() throws Exception {
        String api = base.toString().replaceFirst("/*$", "/") + "api/webhooks";
        HttpResponse<String> navigation = HTTP.send(HttpRequest.newBuilder(URI.create(api)).header("Sec-Fetch-Dest", "document")
                .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Site", "none").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, navigation.statusCode());
        assertNull(navigation.headers().firstValue("WWW-Authenticate").orElse(null), "a browser would prompt, and keep the answer");
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base.toString()))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertNull(page.headers().firstValue("WWW-Authenticate").orElse(null), "no challenge outside the API");
        HttpResponse<String> tool = HTTP.send(HttpRequest.newBuilder(URI.create(api)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(tool.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic "), "a tool is still challenged");
    }

    @Test
    void theConsoleMayNotBeFramedNoAnswerIsSniffedAndSecretsAreNotCached() throws Exception {
        for (String page : List.of("", "index.html", "console/main.js")) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + page)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), page);
            assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElse(null), page);
            assertEquals("frame-ancestors 'none'", answer.headers().firstValue("Content-Security-Policy").orElse(null), page);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null), page);
        }
        Map<String, Api.Reply> answers = new java.util.LinkedHashMap<>();
        answers.put("the secret", admin.get("webhooks/" + webhookId + "/secret"));
        answers.put("a rotation", admin.post("webhooks/" + webhookId + "/secret/rotate", null));
        answers.put("a creation", admin.post("webhooks", "{\"name\": \"New\", \"url\": \"" + receiver.url("/new")
                + "\", \"triggers\": [{\"event\": \"asset.uploaded\"}]}"));
        answers.put("a 404", admin.get("webhooks/wh_NONE"));
        answers.put("a 401", Api.anonymous(base).get("webhooks"));
        answers.forEach((what, answer) -> {
            assertTrue(answer.status() < 500, what + ": " + answer);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), what);
        });
        for (String secret : List.of("the secret", "a rotation", "a creation")) {
            assertTrue(answers.get(secret).body().contains("whsec_"), secret);
            assertEquals("no-store", answers.get(secret).header("Cache-Control"), secret);
        }
    }

    private HttpResponse<String> send(AttackerSite.Operation operation, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(operation.url())).header("Authorization", basicAdmin())
                .method(operation.method(), operation.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(operation.body()));
        if (operation.body() != null) request.header("Content-Type", "application/json");
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String secret() {
        return admin.get("webhooks/" + webhookId + "/secret").json().getString("signingSecret");
    }

    /** Every delivery with its status and attempts: a test send, a recovery or a redelivery changes them. */
    private List<String> deliveries() {
        return admin.get("deliveries").json().getJsonArray("items").stream().map(d -> d.asJsonObject())
                .map(d -> d.getString("id") + " " + d.getString("status") + " " + d.getInt("attemptCount")).sorted().toList();
    }

    private static String basicAdmin() {
        return "Basic " + Base64.getEncoder().encodeToString((Deployments.ADMIN + ":" + Deployments.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
