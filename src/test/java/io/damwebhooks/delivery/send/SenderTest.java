package io.damwebhooks.delivery.send;

import io.damwebhooks.delivery.entity.AttemptResult;
import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.delivery.entity.Receiver;
import io.damwebhooks.it.support.EndlessBody;
import io.damwebhooks.it.support.ScriptedReceiver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import io.damwebhooks.it.support.ScriptedReceiver.Answer;
import io.damwebhooks.webhook.entity.AuthType;
import io.damwebhooks.webhook.entity.Header;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One attempt, end to end over real sockets: a loopback receiver, and a real OAuth2 server
 * (mock-oauth2-server) issuing real JWTs. Signatures are checked with the Standard Webhooks library.
 */
class SenderTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String OLD_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    /** A body as the service builds it, with characters beyond ASCII (signed and sent as UTF-8). */
    static final String PAYLOAD = "{\"type\":\"webhook.test\",\"timestamp\":\"2026-11-29T10:00:00.120Z\",\"data\":"
            + "{\"eventId\":\"evt_1\",\"webhook\":{\"id\":\"wh_1\",\"name\":\"é ✓\"}}}";

    /** Plays Fault Tolerance's timeout: interrupts the sending thread. */
    static ScheduledExecutorService timer;
    MockOAuth2Server oauth;
    ScriptedReceiver receiver;

    @BeforeAll
    static void timer() {
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stopTimer() {
        timer.shutdownNow();
    }

    @BeforeEach
    void start() throws Exception {
        receiver = new ScriptedReceiver();
        oauth = new MockOAuth2Server();
        oauth.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        receiver.close();
        oauth.shutdown();
    }

    static Sender sender(boolean allowPrivateNetworks, String timeout) {
        DeliveryHttp http = new DeliveryHttp();
        http.timeoutText = timeout;
        http.allowPrivateNetworks = allowPrivateNetworks;
        http.start();
        TokenEndpoint endpoint = new TokenEndpoint();
        endpoint.http = http;
        endpoint.allowHttp = true;
        endpoint.passwordGrantClientId = "dam-webhooks";
        OAuth2Tokens tokens = new OAuth2Tokens();
        tokens.endpoint = endpoint;
        Sender sender = new Sender();
        sender.http = http;
        sender.tokens = tokens;
        sender.allowHttp = true;
        return sender;
    }

    static Receiver to(String url, AuthType auth, String user, String password, String token, String endpoint, String grant) {
        return new Receiver("wh_1", "PIM", "http", url, auth, endpoint, user, password, token, grant, null,
                List.of(new Header("X-Tenant", "acme")), List.of(SECRET, OLD_SECRET));
    }

    static Leased leased(Receiver receiver) {
        return new Leased("msg_01TEST", 1, PAYLOAD, receiver, null, null);
    }

    @Test
    void aSignedPostWithTheConfiguredHeaders() throws Exception {
        AttemptResult result = sender(true, "5s").send(leased(to(receiver.url("/hook"), AuthType.NONE, null, null, null, null, null)));
        assertEquals(204, result.statusCode(), String.valueOf(result));
        assertTrue(result.succeeded());
        ScriptedReceiver.Request got = receiver.requests.poll(5, TimeUnit.SECONDS);
        assertEquals(PAYLOAD, got.body());
        assertEquals("application/json", got.header("Content-Type"));
        assertEquals("acme", got.header("X-Tenant"));
        assertEquals("msg_01TEST", got.header("webhook-id"));
        assertTrue(got.header("User-Agent").startsWith("dam-webhooks/"), got.header("User-Agent"));
        assertNull(got.header("Authorization"));
        String[] signatures = got.header("webhook-signature").split(" ");
        assertEquals(2, signatures.length, "during a rotation both secrets sign");
        new Webhook(SECRET).verify(got.body(), got.headers());
        new Webhook(OLD_SECRET).verify(got.body(), got.headers());
    }

    @Test
    void basicAndBearer() throws Exception {
        Sender sender = sender(true, "5s");
        sender.send(leased(to(receiver.url("/basic"), AuthType.BASIC, "dam", "pä:ss", null, null, null)));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("dam:pä:ss".getBytes(StandardCharsets.UTF_8)),
                receiver.requests.poll(5, TimeUnit.SECONDS).header("Authorization"));
        sender.send(leased(to(receiver.url("/bearer"), AuthType.BEARER, null, null, "t0ken", null, null)));
        assertEquals("Bearer t0ken", receiver.requests.poll(5, TimeUnit.SECONDS).header("Authorization"));
    }

    @Test
    void oauth2ClientCredentialsTokenIsFetchedOnceAndReused() throws Exception {
        Sender sender = sender(true, "5s");
        Receiver r = to(receiver.url("/oauth"), AuthType.OAUTH2, "pim-client", "s3cret", null,
                oauth.tokenEndpointUrl("issuer").toString(), "client_credentials");
        assertEquals(204, sender.send(leased(r)).statusCode());
        assertEquals(204, sender.send(leased(r)).statusCode());
        var tokenRequest = oauth.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("Basic " + Base64.getEncoder().encodeToString("pim-client:s3cret".getBytes(StandardCharsets.UTF_8)),
                tokenRequest.getHeader("Authorization"));
        assertTrue(tokenRequest.getBody().readUtf8().contains("grant_type=client_credentials"));
        assertThrows(RuntimeException.class, () -> oauth.takeRequest(200, TimeUnit.MILLISECONDS), "the token is reused");
        String first = receiver.requests.poll(5, TimeUnit.SECONDS).header("Authorization");
        String second = receiver.requests.poll(5, TimeUnit.SECONDS).header("Authorization");
        assertEquals(first, second);
        assertTrue(claims(first).contains("\"sub\":\"pim-client\""), claims(first));
    }

    @Test
    void oauth2PasswordGrant() throws Exception {
        Receiver r = new Receiver("wh_2", "PIM", "http", receiver.url("/oauth"), AuthType.OAUTH2,
                oauth.tokenEndpointUrl("issuer").toString(), "alice", "wonderland", null, "password", "hooks", List.of(), List.of(SECRET));
        assertEquals(204, sender(true, "5s").send(leased(r)).statusCode());
        String form = oauth.takeRequest(5, TimeUnit.SECONDS).getBody().readUtf8();
        assertTrue(form.contains("grant_type=password") && form.contains("username=alice") && form.contains("scope=hooks"), form);
        String authorization = receiver.requests.poll(5, TimeUnit.SECONDS).header("Authorization");
        assertTrue(claims(authorization).contains("\"sub\":\"alice\""), claims(authorization));
    }

    @Test
    void aRefusedTokenIsFetchedAgainOnce() throws Exception {
        Sender sender = sender(true, "5s");
        Receiver r = to(receiver.url("/picky"), AuthType.OAUTH2, "c", "s", null,
                oauth.tokenEndpointUrl("issuer").toString(), "client_credentials");
        sender.send(leased(r));
        receiver.requests.clear();
        // the receiver now refuses the token it accepted before, as after a key rotation on its side
        String accepted = receiver.url("/picky");
        java.util.Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();
        receiver.on("/picky", req -> refused.add(req.header("Authorization")) && refused.size() == 1 ? Answer.of(401) : Answer.of(200));
        AttemptResult result = sender.send(leased(r));
        assertEquals(200, result.statusCode(), accepted);
        assertEquals(2, receiver.requests.size(), "one refusal, one retry with a new token");
    }

    @Test
    void tokenEndpointFailureIsTheAttemptsError() {
        receiver.on("/token", req -> Answer.of(400, "{\"error\":\"invalid_client\"}"));
        AttemptResult result = sender(true, "5s").send(leased(to(receiver.url("/hook"), AuthType.OAUTH2, "c", "wrong", null,
                receiver.url("/token"), "client_credentials")));
        assertNull(result.statusCode());
        assertTrue(result.error().startsWith("token endpoint " + receiver.url("/token") + " answered 400: {\"error\":\"invalid_client\"}"), result.error());
        assertTrue(!result.error().contains("wrong"));
    }

    @Test
    void privateAddressesAreRefusedWithoutAllowPrivateNetworks() {
        AttemptResult result = sender(false, "5s").send(leased(to(receiver.url("/hook"), AuthType.NONE, null, null, null, null, null)));
        assertNull(result.statusCode());
        assertTrue(result.error().startsWith("refused: 127.0.0.1 resolves to the non-public address 127.0.0.1"), result.error());
        assertTrue(receiver.requests.isEmpty(), "no request reached the receiver");
        AttemptResult token = sender(false, "5s").send(leased(to("https://example.com/hook", AuthType.OAUTH2, "c", "s", null,
                receiver.url("/token"), "client_credentials")));
        assertTrue(token.error().startsWith("token endpoint " + receiver.url("/token") + ": refused"), token.error());
    }

    @Test
    void redirectsAreNotFollowedAndAnswersAreKeptToOneKiB() {
        receiver.on("/moved", req -> new Answer(301, Map.of("Location", receiver.url("/hook")), new byte[0]));
        AttemptResult moved = sender(true, "5s").send(leased(to(receiver.url("/moved"), AuthType.NONE, null, null, null, null, null)));
        assertEquals(301, moved.statusCode());
        assertEquals(1, receiver.requests.size());
        receiver.on("/big", req -> Answer.of(500, "x".repeat(200_000)));
        receiver.on("/small", req -> new Answer(503, Map.of("Retry-After", "7"), "busy".getBytes(StandardCharsets.UTF_8)));
        Sender sender = sender(true, "5s");
        AttemptResult big = sender.send(leased(to(receiver.url("/big"), AuthType.NONE, null, null, null, null, null)));
        assertEquals(1024, big.responseBody().length(), String.valueOf(big));
        AttemptResult small = sender.send(leased(to(receiver.url("/small"), AuthType.NONE, null, null, null, null, null)));
        assertEquals("busy", small.responseBody());
        assertEquals(Duration.ofSeconds(7), small.retryAfter().orElseThrow());
    }

    /**
     * What Fault Tolerance's {@code @Timeout} on {@link Sender#send} does at the deadline (the container
     * applies it; {@code DeliveryIT} shows that): it interrupts the sending thread. Here the test does.
     */
    static AttemptResult sendInterruptedAfter(Sender sender, Leased leased, long millis) {
        Thread sending = Thread.currentThread();
        var interrupt = timer.schedule(sending::interrupt, millis, TimeUnit.MILLISECONDS);
        try {
            return sender.send(leased);
        } finally {
            interrupt.cancel(false);
            Thread.interrupted();
        }
    }

    @Test
    void anInterruptEndsAnAttemptToASilentReceiverAtOnce() {
        receiver.on("/slow", req -> {
            try {
                Thread.sleep(3_000); // the receiver's own slowness, which the attempt must not wait out
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.of(200);
        });
        AttemptResult result = sendInterruptedAfter(sender(true, "10s"),
                leased(to(receiver.url("/slow"), AuthType.NONE, null, null, null, null, null)), 300);
        assertNull(result.statusCode());
        assertNotNull(result.error());
        assertTrue(result.durationMs() < 2_000, result.durationMs() + " ms: " + result.error());
    }

    @Test
    void aReceiverThatStreamsAnEndlessBodyIsReadOnlyAsFarAsTheLimitOrTheInterrupt() throws Exception {
        try (EndlessBody fast = new EndlessBody(0); EndlessBody trickle = new EndlessBody(50)) {
            Sender sender = sender(true, "10s");
            AttemptResult flood = sender.send(leased(to(fast.url(), AuthType.NONE, null, null, null, null, null)));
            assertEquals(200, flood.statusCode(), String.valueOf(flood));
            assertEquals(1024, flood.responseBody().length(), "the first KiB kept");
            assertTrue(flood.durationMs() < 1_000, flood.durationMs() + " ms: the rest of an endless answer is not read");

            AttemptResult slow = sendInterruptedAfter(sender, leased(to(trickle.url(), AuthType.NONE, null, null, null, null, null)), 1_000);
            assertNull(slow.statusCode(), "no answer by the interrupt: " + slow);
            Duration open = trickle.heldOpen.poll(5, TimeUnit.SECONDS);
            assertNotNull(open, "the socket was closed");
            assertTrue(open.toMillis() < 2_000, open.toMillis() + " ms: closed at the interrupt");
        }
    }

    @Test
    void aTokenEndpointsTransientFaultsAreToldApartFromItsRefusals() {
        receiver.on("/busy", req -> Answer.of(503, "later"));
        receiver.on("/limited", req -> Answer.of(429));
        receiver.on("/refused", req -> Answer.of(401, "{\"error\":\"invalid_client\"}"));
        Sender sender = sender(true, "5s");
        for (String path : List.of("/busy", "/limited", "/refused")) {
            TokenEndpoint endpoint = sender.tokens.endpoint;
            Receiver r = to(receiver.url("/hook"), AuthType.OAUTH2, "c", "s", null, receiver.url(path), "client_credentials");
            TokenFailure failure = assertThrows(TokenFailure.class, () -> endpoint.fetch(r));
            assertEquals(!path.equals("/refused"), failure instanceof TokenEndpoint.Busy, path + ": " + failure.getMessage());
        }
        assertTrue(TokenEndpoint.transientFault(new java.net.SocketException("Connection reset")));
        assertTrue(TokenEndpoint.transientFault(new org.apache.hc.core5.http.NoHttpResponseException("closed")));
        assertTrue(!TokenEndpoint.transientFault(new java.net.ConnectException("refused")));
        assertTrue(!TokenEndpoint.transientFault(new java.nio.channels.ClosedByInterruptException()), "the attempt's timeout is no blip");
    }

    private static String claims(String authorization) {
        String jwt = authorization.substring("Bearer ".length());
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
