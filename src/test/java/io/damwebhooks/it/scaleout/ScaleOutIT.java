package io.damwebhooks.it.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.DurablePostgres;
import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.Receiver;
import io.damwebhooks.it.support.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one real PostgreSQL, events fired at both; one is killed hard mid-burst and left
 * dead. Every accepted event must still reach every subscribed webhook, once its leases expire, and
 * the duplicates must stay within what was in flight at the kill.
 */
class ScaleOutIT {

    static final int WEBHOOKS = 5;
    static final int EVENTS = 300;

    @Test
    void anInstanceKilledMidBurstCostsNothingButADelay() throws Exception {
        try (EmbeddedPostgres postgres = DurablePostgres.start();
             Receiver receiver = new Receiver(20)) {
            Map<String, String> shared = Map.of(
                    "WEBHOOKS_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "WEBHOOKS_DB_USER", "postgres", "WEBHOOKS_DB_PASSWORD", "postgres",
                    "WEBHOOKS_SECRETS_KEY", newKey(),
                    "WEBHOOKS_DELIVERY_ALLOW_HTTP", "true",
                    "WEBHOOKS_DELIVERY_ALLOW_PRIVATE_NETWORKS", "true",
                    "WEBHOOKS_DELIVERY_LEASE", "5s",
                    "WEBHOOKS_DELIVERY_RETRY_DELAYS", "200ms,500ms,1s,1s,1s,1s,1s");
            Path home = Deployments.freshHome();
            ServiceProcess doomed = ServiceProcess.start(home.resolve("a"), shared);
            try (ServiceProcess survivor = ServiceProcess.start(home.resolve("b"), shared)) {
                for (int i = 0; i < WEBHOOKS; i++) {
                    Api.Reply created = Api.admin(doomed.base()).post("webhooks", """
                            {"name": "hook %d", "url": "%s", "triggers": [{"event": "asset.uploaded"}]}"""
                            .formatted(i, receiver.url("/hook/" + i)));
                    assertEquals(201, created.status(), created.toString());
                }
                assertEquals(WEBHOOKS, Api.admin(survivor.base()).get("webhooks").array().size(),
                        "a webhook created on one instance is seen by the other at once");

                AtomicInteger accepted = new AtomicInteger();
                ExecutorService posters = Executors.newFixedThreadPool(8);
                for (int i = 0; i < EVENTS; i++) {
                    int n = i;
                    posters.execute(() -> {
                        ServiceProcess target = n % 2 == 0 ? doomed : survivor;
                        Api.Reply reply = post(target, n);
                        if (reply != null && reply.status() == 202) accepted.incrementAndGet();
                        else if (post(survivor, n).status() == 202) accepted.incrementAndGet(); // the client retries elsewhere
                    });
                }
                Poll.until(Duration.ofMinutes(2), () -> receiver.ids().size(), n -> n >= 100, "the burst under way");
                doomed.kill();
                int inFlightAtKill = claimedNow(postgres);
                posters.shutdown();
                assertTrue(posters.awaitTermination(2, TimeUnit.MINUTES));

                Poll.until(Duration.ofMinutes(3), () -> receiver.ids().size(), n -> n >= WEBHOOKS * accepted.get(),
                        "every accepted event at every webhook");
                assertEquals(EVENTS, accepted.get(), "every event was accepted by one instance or the other");
                assertEquals(WEBHOOKS * EVENTS, receiver.ids().size());
                System.out.printf("scale-out: %d deliveries received, %d duplicates, %d in flight at the kill%n",
                        receiver.ids().size(), receiver.duplicates(), inFlightAtKill);
                assertTrue(receiver.duplicates() <= inFlightAtKill,
                        receiver.duplicates() + " duplicates, but only " + inFlightAtKill + " deliveries were in flight at the kill");
            }
        }
    }

    private static Api.Reply post(ServiceProcess service, int n) {
        try {
            return Api.publisher(service.base()).post("events", """
                    {"id": "scale-%d", "type": "asset.uploaded",
                     "asset": {"uuid": "asset-%d", "name": "a%d.jpg", "mimeType": "image/jpeg"}}""".formatted(n, n, n));
        } catch (RuntimeException connectionRefused) {
            return null;
        }
    }

    /** Deliveries claimed (leased) and not finished: the most a kill can make us send twice. */
    private static int claimedNow(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM delivery WHERE status = 'pending' AND lease_until > CURRENT_TIMESTAMP")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
