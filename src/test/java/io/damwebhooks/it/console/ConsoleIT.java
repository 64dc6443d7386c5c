package io.damwebhooks.it.console;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The admin console in a real headless chromium, against the real WAR and a real receiver on loopback:
 * an admin signs in, creates a webhook through the form, toggles it, sees its deliveries and its last day
 * as a chart, and finds an asset's deliveries across webhooks.
 * The methods run in order and share the browser and the webhook.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of(
                "webhooks.delivery.allow-http", "true",
                "webhooks.delivery.allow-private-networks", "true",
                "webhooks.delivery.retry-delays", "200ms,400ms"));
    }

    @ArquillianResource
    URL base;

    static ChromeDriver driver;
    static ConsolePage page;
    static Receiver receiver;
    static String webhookId;

    /** {@code 127.0.0.1:port}: what the form's hostname field takes. */
    static String receiverHost() {
        return receiver.url("").substring("http://".length());
    }

    @BeforeAll
    static void start() {
        receiver = Receiver.recording(0);
        driver = Browser.start();
        page = new ConsolePage(driver);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (receiver != null) receiver.close();
    }

    @Test
    @Order(1)
    void theApiAnswersTheConsoleWithoutABrowserChallenge() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/webhooks"));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> fromScript = http.send(request.copy().header("X-Requested-With", "XMLHttpRequest").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, fromScript.statusCode());
        assertTrue(fromScript.headers().firstValue("WWW-Authenticate").isEmpty(), "no challenge for the console");
        assertTrue(fromScript.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> fromOthers = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, fromOthers.statusCode());
        assertTrue(fromOthers.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic "));
    }

    @Test
    @Order(2)
    void anAdminCreatesAWebhookThroughTheForm() {
        driver.get(base.toString());
        page.signIn(Deployments.ADMIN, "wrong");
        assertEquals("Unknown user or wrong password.", page.visible("login-error").getText());
        page.signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
        page.visible("add-webhook").click();

        page.type("webhook-name", "Receiver on loopback");
        page.choose("webhook-scheme", "http");
        page.type("webhook-hostname", receiverHost());
        page.type("webhook-path", "/hook");
        assertEquals("http://" + receiverHost() + "/hook", page.visible("webhook-url").getText());
        assertEquals(List.of("On upload", "On move", "On rename", "On delete", "On change meta", "On change info",
                "On change tag", "On change label"), page.texts(By.cssSelector("#triggers .check > label")));
        page.visible(By.cssSelector("#schema-asset-moved summary")).click(); // the body a receiver gets, on demand
        page.until(d -> d.findElement(By.cssSelector("#schema-asset-moved pre")).getText().contains("\"const\": \"asset.moved\""));
        assertEquals(List.of("File (All assets)", "Video", "Image", "Additional"), page.texts(By.cssSelector(".field-group legend")));
        assertEquals(List.of("Name", "Size", "Path", "MIME type", "CDN link", "File UUID", "Width", "Height",
                "Length (in seconds)", "Bitrate", "HLS/DASH playlist URL", "Width", "Height", "All system metadata*",
                "All custom metadata*", "All embedded metadata*"), page.texts(By.cssSelector(".field-group label")));
        assertTrue(page.visible("embedded-warning").getText().contains("very voluminous"));
        page.choose("auth-type", "basic");
        page.type("auth-username", "dam");
        page.type("auth-password", "receiver-pw");
        page.click("add-header");
        page.type("header-name-0", "Content-Type");
        page.type("header-value-0", "text/plain");
        page.click("add-header");
        page.type("header-name-1", "X-Api-Key");
        page.type("header-value-1", "console-api-key");
        page.click("header-secret-1");
        assertEquals("password", page.visible("header-value-1").getAttribute("type"), "a secret header's value is masked");
        page.click("webhook-ordering"); // "Order and rate": per-asset ordering, and a limit out of range first
        page.click("webhook-rate-limited");
        page.type("webhook-rate", "0");
        assertEquals(List.of(), page.unlabelledControls());

        page.click("save-webhook"); // no trigger, and a header the service sets itself
        assertEquals("Header name is set by the service itself", page.errorBeside("header-name-0"));
        assertTrue(page.visible(By.cssSelector("#triggers .field-error")).getText().contains("At least one trigger"));
        assertTrue(page.visible(By.cssSelector(".error-summary")).getText().contains("Please correct"));

        assertTrue(page.errorBeside("webhook-rate").contains("from 1 to 10000"), page.errorBeside("webhook-rate"));
        page.type("header-name-0", "X-Tenant");
        page.type("webhook-rate", "50");
        page.click("trigger-uploaded");
        page.click("save-webhook");
        String secret = page.until(d -> {
            String value = d.findElement(By.id("signing-secret")).getAttribute("value");
            return value != null && value.startsWith("whsec_") ? value : null;
        });
        webhookId = page.until(d -> d.getCurrentUrl().contains("#/webhooks/") ? d.getCurrentUrl().replaceFirst(".*#/webhooks/", "") : null);
        assertTrue(webhookId.startsWith("wh_"), webhookId);
        assertTrue(page.visible(By.cssSelector("[data-id='" + webhookId + "'] .item-name")).getText().contains("Receiver on loopback"));

        Api.Reply reply = Api.admin(base).get("webhooks/" + webhookId);
        assertEquals(200, reply.status(), reply.toString());
        var stored = reply.json();
        assertEquals("http://" + receiverHost() + "/hook", stored.getString("url"));
        assertEquals("basic", stored.getJsonObject("auth").getString("type"));
        assertEquals("X-Tenant", stored.getJsonArray("headers").getJsonObject(0).getString("name"));
        assertEquals(jakarta.json.Json.createObjectBuilder().add("name", "X-Api-Key").add("secret", true).build(),
                stored.getJsonArray("headers").getJsonObject(1), "write-only");
        assertEquals("", page.visible("header-value-1").getAttribute("value"));
        assertTrue(page.visible("header-value-1").getAttribute("placeholder").contains("set"), "a stored secret header shows as set");
        assertTrue(!driver.getPageSource().contains("console-api-key"), "the secret is nowhere on the page");
        assertEquals("per-asset", stored.getString("ordering"));
        assertEquals(50, stored.getJsonObject("rateLimit").getInt("perSecond"));
        assertEquals(secret, Api.admin(base).get("webhooks/" + webhookId + "/secret").json().getString("signingSecret"));
        assertTrue(page.visible("auth-password").getAttribute("placeholder").contains("set"), "a stored password shows as set");
        assertEquals("", page.visible("auth-password").getAttribute("value"));
        // moved elsewhere, the stored password would not go along: the form asks for it again
        page.type("webhook-hostname", "elsewhere.example.com");
        assertTrue(page.visible("auth-password").getAttribute("placeholder").contains("again"), "asked again for a new target");
        assertTrue(page.visible("header-value-1").getAttribute("placeholder").contains("again"), "the secret header too");
        page.type("webhook-hostname", receiverHost());
        assertTrue(page.visible("auth-password").getAttribute("placeholder").contains("set"), "back at its target, kept");
    }

    @Test
    @Order(3)
    void theSigningSecretIsRotatedAfterAConfirmation() {
        String before = Api.admin(base).get("webhooks/" + webhookId + "/secret").json().getString("signingSecret");
        page.click("rotate-secret");
        page.confirm();
        String shown = page.until(d -> {
            String value = d.findElement(By.id("signing-secret")).getAttribute("value");
            return value.startsWith("whsec_") && !value.equals(before) ? value : null;
        });
        assertEquals(shown, Api.admin(base).get("webhooks/" + webhookId + "/secret").json().getString("signingSecret"));
        page.click("copy-secret"); // the Clipboard API, or the selected input when the browser refuses it
        String said = page.until(d -> {
            String text = d.findElement(By.id("toast")).getText();
            return text.contains("copied") || text.contains("Ctrl+C") ? text : null;
        });
        assertTrue(said.contains("copied") || shown.equals(page.visible("signing-secret").getAttribute("value")), said);
    }

    @Test
    @Order(4)
    void theListTogglesAWebhookOffAndOn() {
        for (boolean active : new boolean[] {false, true}) {
            page.click("active-" + webhookId);
            Poll.until(Duration.ofSeconds(10), () -> Api.admin(base).get("webhooks/" + webhookId).json().getBoolean("active"),
                    value -> value == active, "active is " + active);
            WebElement toggle = page.until(d -> {
                WebElement current = d.findElement(By.id("active-" + webhookId));
                return current.isEnabled() && current.isSelected() == active ? current : null;
            });
            assertEquals(active, toggle.isSelected());
        }
    }

    @Test
    @Order(5)
    void anEventIsDeliveredShownAndRedelivered() {
        page.click("tab-deliveries");
        page.visible("send-test");
        assertEquals(List.of(), page.unlabelledControls());
        Api.Reply accepted = Api.publisher(base).post("events", """
                {"type": "asset.uploaded", "asset": {"uuid": "3f1c", "name": "beach.jpg", "size": 48211,
                 "path": "/summer/beach.jpg", "mimeType": "image/jpeg", "cdnLink": "https://cdn.example.com/summer/beach.jpg"}}""");
        assertEquals(202, accepted.status(), accepted.toString());

        WebElement row = page.until(Duration.ofSeconds(60), d -> d.findElements(By.cssSelector("#delivery-rows tr[data-status='succeeded']"))
                .stream().filter(r -> r.getText().contains("On upload")).findFirst().orElse(null));
        String messageId = row.getAttribute("data-id");
        assertTrue(row.getText().contains("204"), row.getText());
        assertEquals(Set.of(messageId), receiver.ids());
        assertTrue(receiver.messages.stream().anyMatch(m -> "console-api-key".equals(m.header("X-Api-Key"))),
                "the secret header is sent as given");

        row.findElement(By.cssSelector("button.details")).click();
        WebElement attempts = page.visible(By.cssSelector("#delivery-detail table.attempts"));
        assertTrue(attempts.getText().matches("(?s).*\\d+ ms\\s+204\\b.*"), attempts.getText());

        row.findElement(By.cssSelector("button.redeliver")).click();
        Poll.until(Duration.ofSeconds(60), () -> receiver.seen.get(messageId).get(),
                count -> count == 2, "the redelivery reaches the receiver with the same webhook-id");

        page.click("send-test");
        page.until(Duration.ofSeconds(60), d -> d.findElements(By.cssSelector("#delivery-rows tr[data-status='succeeded']"))
                .stream().anyMatch(r -> r.getText().contains("Test event")));
    }

    @Test
    @Order(6)
    void anAssetsDeliveriesAreFoundAndTheChartMatchesTheStatistics() {
        String asset = "asset-" + UUID.randomUUID();
        Api.Reply accepted = Api.publisher(base).post("events", "{\"type\": \"asset.uploaded\", \"asset\": {\"uuid\": \"" + asset
                + "\", \"name\": \"search.jpg\", \"size\": 1, \"path\": \"/search.jpg\", \"mimeType\": \"image/jpeg\","
                + " \"cdnLink\": \"https://cdn.example.com/search.jpg\"}}");
        assertEquals(202, accepted.status(), accepted.toString());
        String eventId = accepted.json().getString("eventId");
        Poll.until(Duration.ofSeconds(60), () -> Api.admin(base).get("deliveries?assetUuid=" + asset).json().getJsonArray("items"),
                items -> items.size() == 1 && items.getJsonObject(0).getString("status").equals("succeeded"), "the asset's delivery succeeded");

        page.go("#/");
        WebElement box = page.visible("search-query");
        box.clear();
        box.sendKeys(asset, Keys.ENTER); // by keyboard: type, then Enter
        WebElement row = page.until(d -> d.findElements(By.cssSelector("#search-rows tr")).stream().findFirst().orElse(null));
        assertEquals(1, driver.findElements(By.cssSelector("#search-rows tr")).size());
        assertEquals(webhookId, row.getAttribute("data-webhook"));
        assertEquals("succeeded", row.getAttribute("data-status"));
        assertTrue(row.getText().contains("Receiver on loopback") && row.getText().contains(asset), row.getText());
        assertTrue(page.visible("search-summary").getText().contains("1 delivery to 1 webhook"), page.visible("search-summary").getText());
        row.findElement(By.cssSelector("button.details")).click();
        page.visible(By.cssSelector("#delivery-detail table.attempts"));

        page.type("search-query", eventId);
        page.click("search-submit");
        page.until(d -> d.findElements(By.cssSelector("#search-rows tr")).stream()
                .anyMatch(r -> eventId.equals(r.findElement(By.cssSelector(".id")).getText())));

        page.go("#/webhooks/" + webhookId + "/deliveries");
        page.until(d -> d.findElements(By.cssSelector("#stats-chart g.bar")).size() == 24);
        var stats = Api.admin(base).get("webhooks/" + webhookId + "/stats").json().getJsonArray("buckets");
        List<WebElement> bars = driver.findElements(By.cssSelector("#stats-chart g.bar"));
        long attempts = 0;
        for (int i = 0; i < 24; i++) {
            var bucket = stats.getJsonObject(i);
            WebElement bar = bars.get(i);
            assertEquals(bucket.getString("start"), bar.getAttribute("data-start"));
            assertEquals(String.valueOf(bucket.getInt("succeeded")), bar.getAttribute("data-succeeded"), "hour " + bucket);
            assertEquals(String.valueOf(bucket.getInt("failed")), bar.getAttribute("data-failed"), "hour " + bucket);
            double okHeight = Double.parseDouble(bar.findElement(By.cssSelector("rect.ok")).getAttribute("height"));
            assertEquals(bucket.getInt("succeeded") > 0, okHeight > 0, "a bar as tall as its count: " + bucket);
            attempts += bucket.getInt("succeeded") + bucket.getInt("failed");
        }
        assertTrue(attempts >= 4, "the upload, its redelivery, the test event and this one: " + attempts);
        String label = driver.findElement(By.cssSelector("#stats-chart svg")).getAttribute("aria-label");
        assertTrue(label.startsWith("Last 24 hours: ") && label.contains(" succeeded"), label);
        WebElement numbers = page.visible(By.cssSelector("#stats-chart details summary"));
        numbers.sendKeys(Keys.ENTER); // the numbers as a table, opened by keyboard
        WebElement last = page.visible(By.cssSelector("#stats-table tbody tr:last-child"));
        var lastBucket = stats.getJsonObject(23);
        assertTrue(last.getText().contains(String.valueOf(lastBucket.getInt("succeeded"))), last.getText());
    }

    @Test
    @Order(7)
    void itWorksAt1280PixelsAndOnAPhone() throws IOException {
        Api.admin(base).post("webhooks", """
                {"name": "Search index", "hostname": "search.example.org", "path": "/dam/events", "active": false,
                 "triggers": [{"event": "asset.moved"}, {"event": "asset.renamed"}, {"event": "asset.deleted"}]}""");
        Browser.viewport(driver, 1280, 1000, false);
        page.go("#/");
        page.until(d -> d.findElements(By.cssSelector(".webhook-item")).size() == 2);
        page.go("#/webhooks/" + webhookId + "/deliveries");
        page.visible(By.cssSelector("#delivery-rows tr:last-child button.details")).click();
        page.visible(By.cssSelector("#delivery-detail table.attempts"));
        driver.executeScript("window.scrollTo(0, 0)");
        page.until(d -> d.findElements(By.cssSelector(".toast.shown")).isEmpty());
        Path wide = Browser.screenshot(driver, "console-1280");
        assertEquals(List.of(), page.overflowing(1280), "nothing sticks out at 1280 px");
        assertEquals(true, driver.executeScript("return [...document.querySelectorAll('.table-wrap')]"
                + ".every(wrap => wrap.scrollWidth <= wrap.clientWidth)"), "the log's tables need no scrolling at 1280 px");
        if (Boolean.getBoolean("console.docs")) { // only on request: a test run leaves the sources as they were
            Files.createDirectories(Path.of("docs"));
            Files.copy(wide, Path.of("docs", "console.png"), StandardCopyOption.REPLACE_EXISTING);
        }

        Browser.viewport(driver, 375, 812, true);
        assertEquals(375L, driver.executeScript("return window.innerWidth"));
        Browser.screenshot(driver, "console-375-deliveries");
        assertEquals(List.of(), page.overflowing(375), "the delivery log fits a phone");
        page.click("tab-settings");
        page.visible("webhook-name");
        Browser.screenshot(driver, "console-375-form");
        assertEquals(List.of(), page.overflowing(375), "the form fits a phone");
        page.go("#/");
        page.visible("active-" + webhookId);
        Browser.screenshot(driver, "console-375-list");
        assertEquals(List.of(), page.overflowing(375), "the list fits a phone");
        page.go("#/search/3f1c");
        page.visible(By.cssSelector("#search-rows tr"));
        Browser.screenshot(driver, "console-375-search");
        assertEquals(List.of(), page.overflowing(375), "the search's results fit a phone");
        Browser.viewport(driver, 1280, 900, false);
    }

    @Test
    @Order(8)
    void deletingAsksFirst() {
        String id = Api.admin(base).get("webhooks").array().stream().map(v -> v.asJsonObject())
                .filter(w -> w.getString("name").equals("Search index")).findFirst().orElseThrow().getString("id");
        page.go("#/webhooks/" + id);
        page.click("delete-webhook");
        page.click("confirm-cancel");
        assertEquals(200, Api.admin(base).get("webhooks/" + id).status());
        page.click("delete-webhook");
        page.confirm();
        page.until(d -> d.findElements(By.cssSelector("[data-id='" + id + "']")).isEmpty());
        assertEquals(404, Api.admin(base).get("webhooks/" + id).status());
        assertNull(driver.findElements(By.id("delete-webhook")).stream().findFirst().orElse(null));
        assertNotEquals(0, driver.findElements(By.cssSelector("[data-id='" + webhookId + "']")).size());

        page.click("sign-out");
        page.visible("login-user");
        assertTrue(driver.findElement(By.id("app")).getAttribute("hidden") != null, "the console hides when signed out");
    }
}
