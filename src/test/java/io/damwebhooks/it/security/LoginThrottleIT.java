package io.damwebhooks.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.security.store.CountingStore;
import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.PrometheusText;
import io.damwebhooks.it.support.ServerLog;
import io.damwebhooks.it.support.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * Password guessing is slowed and recorded, for the built-in admin and for a user of a DAM's own
 * identity store alike: after five failures for one user name, logins get 429 with Retry-After without
 * any password check, for a wait that doubles with each further failure; a success forgets the failures.
 * Each failure is logged once (never the password) and counted in {@code webhooks_login_failures_total}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginThrottleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        // the first wait short, so that a test sees it end
        return Deployments.war(Map.of("webhooks.security.login.first-wait", "2s")).addClass(CountingStore.class);
    }

    @ArquillianResource
    java.net.URL base;

    @Test
    void twentyWrongPasswordsInARowEndIn429sThatCheckNoPasswordAndASuccessResets() {
        String wrong = "guess-" + UUID.randomUUID();
        int checksBefore = count(CountingStore.CHECKED + CountingStore.USER);
        int loggedBefore = count("failed login for user \"" + CountingStore.USER + "\"");
        double failuresBefore = metric("webhooks_login_failures_total");
        Api guesser = Api.as(base, CountingStore.USER, wrong);
        List<Integer> statuses = new ArrayList<>();
        Api.Reply last = null;
        for (int i = 0; i < 20; i++) {
            last = guesser.get("webhooks");
            statuses.add(last.status());
        }
        List<Integer> expected = new ArrayList<>(List.of(401, 401, 401, 401, 401));
        while (expected.size() < 20) expected.add(429);
        assertEquals(expected, statuses);
        assertEquals("application/problem+json", last.mediaType());
        int retryAfter = Integer.parseInt(last.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "the first wait: " + retryAfter);
        Api editor = Api.as(base, CountingStore.USER, CountingStore.PASSWORD);
        assertEquals(429, editor.get("webhooks").status(), "while it waits, not even the right password is checked");

        Poll.until(Duration.ofSeconds(30), () -> count(CountingStore.CHECKED + CountingStore.USER) - checksBefore, n -> n >= 5, "the checks logged");
        assertEquals(5, count(CountingStore.CHECKED + CountingStore.USER) - checksBefore, "the store checked five passwords, not twenty-one");
        Poll.until(Duration.ofSeconds(30), () -> count("failed login for user \"" + CountingStore.USER + "\"") - loggedBefore, n -> n >= 5,
                "each failure logged");
        assertEquals(5, count("failed login for user \"" + CountingStore.USER + "\"") - loggedBefore, "each failure logged once");
        assertFalse(ServerLog.text().contains(wrong), "never the password");
        assertEquals(5.0, metric("webhooks_login_failures_total") - failuresBefore);
        assertTrue(metric("webhooks_login_throttled_total") >= 16);

        // after the wait, one more failure waits twice as long
        Api.Reply sixth = Poll.until(Duration.ofSeconds(30), () -> guesser.get("webhooks"), r -> r.status() != 429, "the first wait over");
        assertEquals(401, sixth.status());
        Api.Reply seventh = guesser.get("webhooks");
        assertEquals(429, seventh.status());
        assertTrue(Integer.parseInt(seventh.header("Retry-After")) >= 3, "the wait grew: " + seventh.header("Retry-After"));

        // the right password, once the wait is over, logs in and forgets the failures
        Poll.until(Duration.ofSeconds(30), () -> editor.get("webhooks").status(), status -> status != 429, "the second wait over");
        assertEquals(200, editor.get("webhooks").status());
        for (int i = 0; i < 4; i++) assertEquals(401, guesser.get("webhooks").status(), "counting from zero again");
    }

    @Test
    void theBuiltInAdminIsSlowedTooAndOtherUsersAreNot() {
        Api wrong = Api.as(base, Deployments.ADMIN, "wrong-" + UUID.randomUUID());
        for (int i = 0; i < 5; i++) assertEquals(401, wrong.get("webhooks").status());
        Api.Reply slowed = wrong.get("webhooks");
        assertEquals(429, slowed.status(), slowed.toString());
        assertTrue(slowed.json().getString("detail").contains("Too many failed logins"), slowed.toString());
        Api.Reply published = Api.publisher(base).post("events", "{\"type\": \"asset.deleted\", \"asset\": {\"uuid\": \"u\", \"name\": \"n\","
                + " \"size\": 1, \"path\": \"/n\", \"mimeType\": \"image/png\", \"cdnLink\": \"https://cdn.example.com/n\"}}");
        assertEquals(202, published.status(), "another user from the same address logs in: " + published);
        Poll.until(Duration.ofSeconds(30), () -> Api.admin(base).get("webhooks").status(), status -> status == 200, "the admin after the wait");
    }

    @Test
    void aConfiguredAdminPasswordShorterThanTwelveCharactersStopsTheStartWithAClearMessage() throws IOException {
        Path home = Deployments.freshHome();
        assertThrows(AssertionError.class, () -> ServiceProcess.start(home, Map.of("WEBHOOKS_ADMIN_PASSWORD", "elevenchars")).close());
        String log;
        try (var files = Files.list(home)) {
            log = Files.readString(files.filter(f -> f.getFileName().toString().startsWith("server-")).findFirst().orElseThrow());
        }
        assertTrue(log.contains("webhooks.admin.password is shorter than 12 characters"), "the message names the setting");
        assertFalse(log.contains("elevenchars"), "and never the password");
    }

    private static int count(String needle) {
        String text = ServerLog.text();
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }

    private double metric(String name) {
        return PrometheusText.value(PrometheusText.parse(Api.serverGet(base, "metrics", "text/plain").body()), name, Map.of());
    }
}
