package io.damwebhooks.it.delivery;

import io.damwebhooks.it.support.ScriptedReceiver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A recorded delivery survives a crash: the service (its own process, default H2 file) accepts test
 * events for a receiver that is down, is killed with SIGKILL while they are pending, and is started
 * again on the same data; once the receiver is up, every message arrives.
 */
class CrashIT {

    static final int MESSAGES = 5;

    @Test
    void pendingDeliveriesSurviveAKillAndArriveAfterTheRestart() throws Exception {
        Path home = Deployments.freshHome();
        int receiverPort = freePort();
        Map<String, String> environment = Map.of(
                "WEBHOOKS_DELIVERY_ALLOW_HTTP", "true",
                "WEBHOOKS_DELIVERY_ALLOW_PRIVATE_NETWORKS", "true",
                "WEBHOOKS_DELIVERY_TIMEOUT", "1s",
                "WEBHOOKS_DELIVERY_LEASE", "3s",
                "WEBHOOKS_DELIVERY_POLL_INTERVAL", "200ms",
                "WEBHOOKS_DELIVERY_CIRCUIT_OPEN", "1s",
                "WEBHOOKS_DELIVERY_RETRY_DELAYS", "200ms,500ms" + ",2s".repeat(100)); // never exhausted, however slow the restart
        Set<String> sent = new HashSet<>();
        ServiceProcess first = ServiceProcess.start(home, environment);
        try {
            sent.addAll(testEvents(first, "down for now", receiverPort));
        } finally {
            first.kill();
        }

        try (ServiceProcess second = ServiceProcess.start(home, environment);
             ScriptedReceiver receiver = new ScriptedReceiver(receiverPort)) {
            Set<String> arrived = Poll.until(Duration.ofSeconds(90),
                    () -> receiver.requests.stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet()),
                    ids -> ids.containsAll(sent), "every message accepted before the kill arrives after the restart");
            assertEquals(sent, arrived);
        }
    }

    /**
     * The hand-over at intake (issue 18): fresh deliveries are leased in the accepting transaction and sent
     * from memory, never claimed. Those in flight at a SIGKILL — the receiver holds every request
     * unanswered — are sent again after the restart, well before their 60 s lease could run out: the
     * restart releases the leases the intake wrote, as it does a claim's.
     */
    @Test
    void handedOverDeliveriesInFlightAtAKillAreSentAfterTheRestart() throws Exception {
        Path home = Deployments.freshHome();
        int receiverPort = freePort();
        Map<String, String> environment = Map.of(
                "WEBHOOKS_DELIVERY_ALLOW_HTTP", "true",
                "WEBHOOKS_DELIVERY_ALLOW_PRIVATE_NETWORKS", "true",
                "WEBHOOKS_DELIVERY_TIMEOUT", "30s",
                "WEBHOOKS_DELIVERY_LEASE", "60s");
        Set<String> sent = new HashSet<>();
        java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
        ServiceProcess first = ServiceProcess.start(home, environment);
        try (ScriptedReceiver hanging = new ScriptedReceiver(receiverPort).on("/hook", request -> {
            try {
                answer.await(); // in flight until the service is dead
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScriptedReceiver.Answer.of(204);
        })) {
            try {
                sent.addAll(testEvents(first, "hangs", receiverPort));
                Poll.until(Duration.ofSeconds(60), () -> hanging.requests.stream().map(r -> r.header("webhook-id"))
                        .collect(Collectors.toSet()), ids -> ids.containsAll(sent), "every message in flight");
                String metrics = Api.serverGet(first.base(), "metrics", "text/plain").body();
                assertEquals(MESSAGES, dispatched(metrics, "handover"), metrics);
                assertEquals(0, dispatched(metrics, "claim"), metrics);
            } finally {
                first.kill();
                answer.countDown();
            }
        }

        long restarted = System.nanoTime();
        try (ServiceProcess second = ServiceProcess.start(home, environment);
             ScriptedReceiver receiver = new ScriptedReceiver(receiverPort)) {
            Poll.until(Duration.ofSeconds(45), () -> receiver.requests.stream().map(r -> r.header("webhook-id"))
                    .collect(Collectors.toSet()), ids -> ids.containsAll(sent), "every message in flight at the kill is sent again");
            assertTrue(System.nanoTime() - restarted < Duration.ofSeconds(60).toNanos(), "sent before the leases could have run out");
        }
    }

    /** A webhook to the receiver's port, and {@link #MESSAGES} test events to it: answers their delivery ids. */
    private static Set<String> testEvents(ServiceProcess service, String name, int receiverPort) {
        Api admin = Api.admin(service.base());
        Api.Reply created = admin.post("webhooks", """
                {"name": "%s", "url": "http://127.0.0.1:%d/hook", "triggers": [{"event": "asset.uploaded"}]}"""
                .formatted(name, receiverPort));
        assertEquals(201, created.status(), created.toString());
        String webhookId = created.json().getString("id");
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < MESSAGES; i++) {
            Api.Reply test = admin.post("webhooks/" + webhookId + "/test", "");
            assertEquals(202, test.status(), test.toString());
            sent.add(test.json().getString("deliveryId"));
        }
        return sent;
    }

    /** The value of webhooks_delivery_dispatched_total for one way of taking deliveries, in Prometheus' text. */
    private static double dispatched(String metrics, String via) {
        java.util.regex.Matcher value = java.util.regex.Pattern
                .compile("(?m)^webhooks_delivery_dispatched_total\\{via=\"" + via + "\"\\} (\\S+)").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : Double.NaN;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
