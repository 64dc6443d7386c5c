package io.damwebhooks.it.ssrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.ServiceProcess;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SSRF suite against the running service with its secure defaults: every spelling of a non-public
 * target is refused when the webhook is created, and a public-looking name that resolves to this
 * machine is refused when the delivery or the token request would connect — the listener on loopback
 * never even sees a connection. Names resolve through a hosts file given to the server's JVM
 * ({@code jdk.net.hosts.file}), so no DNS server is involved and no packet leaves the machine.
 */
class SsrfIT {

    static ServiceProcess service;
    static ServerSocket listener;
    static final AtomicInteger connections = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        accepting.setDaemon(true);
        accepting.start();
        Path home = Deployments.freshHome();
        Path hosts = home.resolve("hosts");
        Files.writeString(hosts, """
                127.0.0.1 localhost %s
                127.0.0.1 loopback.evil.test
                127.0.0.2 also-loopback.evil.test
                0.0.0.0 zero.evil.test
                """.formatted(InetAddress.getLocalHost().getHostName()));
        service = ServiceProcess.start(home, Map.of(), List.of("-Djdk.net.hosts.file=" + hosts));
    }

    /** A password used in this suite's webhooks, to look for where it must never be. */
    static final String TOKEN_PASSWORD = "pw-" + java.util.UUID.randomUUID();

    @AfterAll
    static void stop() throws IOException {
        if (service != null) service.close();
        listener.close();
        if (service != null) {
            String log = Files.readString(service.log());
            for (String secret : List.of(TOKEN_PASSWORD, Deployments.ADMIN_PASSWORD, Deployments.PUBLISHER_PASSWORD)) {
                assertFalse(log.contains(secret), "a secret appears in the server's log: " + service.log());
            }
        }
    }

    @Test
    void everySpellingOfANonPublicAddressIsRefusedAtCreation() {
        Api admin = Api.admin(service.base());
        for (String host : List.of("127.0.0.1", "localhost", "[::1]", "2130706433", "0x7f000001", "127.1", "0177.0.0.1",
                "0.0.0.0", "[::ffff:127.0.0.1]", "169.254.169.254", "10.0.0.1", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "100.64.0.1", "[fc00::1]", "[fe80::1]", "[::]", "sub.localhost", "１２７．０．０．１")) {
            Api.Reply reply = admin.post("webhooks", """
                    {"name": "x", "hostname": "%s", "path": "/hook", "triggers": [{"event": "asset.uploaded"}]}""".formatted(host));
            assertEquals(400, reply.status(), host + " → " + reply);
            assertTrue(reply.body().contains("\"hostname\""), reply.body());
        }
        for (String endpoint : List.of("https://127.0.0.1/token", "https://169.254.169.254/latest/meta-data", "https://[::1]/t")) {
            Api.Reply reply = admin.post("webhooks", """
                    {"name": "x", "hostname": "hooks.example.com", "path": "/hook", "triggers": [{"event": "asset.uploaded"}],
                     "auth": {"type": "oauth2", "tokenEndpoint": "%s", "username": "id", "password": "secret"}}""".formatted(endpoint));
            assertEquals(400, reply.status(), endpoint + " → " + reply);
            assertTrue(reply.body().contains("auth.tokenEndpoint"), reply.body());
        }
    }

    @Test
    void namesThatResolveToThisMachineAreRefusedWhenTheyWouldConnect() {
        Api admin = Api.admin(service.base());
        int port = listener.getLocalPort();
        for (String name : List.of("loopback.evil.test", "also-loopback.evil.test", "zero.evil.test")) {
            assertRefused(admin, """
                    {"name": "%s", "hostname": "%s:%d", "path": "/hook", "triggers": [{"event": "asset.uploaded"}]}"""
                    .formatted(name, name, port), name);
        }
        assertRefused(admin, """
                {"name": "token", "hostname": "hooks.example.com", "path": "/hook", "triggers": [{"event": "asset.uploaded"}],
                 "auth": {"type": "oauth2", "tokenEndpoint": "https://loopback.evil.test:%d/token", "username": "id", "password": "%s"}}"""
                .formatted(port, TOKEN_PASSWORD), "token endpoint");
        assertEquals(0, connections.get(), "no connection ever reached the listener on loopback");
    }

    private static void assertRefused(Api admin, String webhook, String what) {
        Api.Reply created = admin.post("webhooks", webhook);
        assertEquals(201, created.status(), what + " → " + created);
        String id = created.json().getString("id");
        try {
            Api.Reply test = admin.post("webhooks/" + id + "/test", "");
            assertEquals(202, test.status(), test.toString());
            String delivery = test.json().getString("deliveryId");
            JsonObject attempted = Poll.until(Duration.ofSeconds(60), () -> admin.get("deliveries/" + delivery).json(),
                    d -> !d.getJsonArray("attempts").isEmpty(), what + ": an attempt recorded");
            String error = attempted.getJsonArray("attempts").getJsonObject(0).getString("error", "");
            assertTrue(error.contains("refused: "), what + ": " + error);
        } finally {
            admin.delete("webhooks/" + id);
        }
    }
}
