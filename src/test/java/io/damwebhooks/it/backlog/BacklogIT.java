package io.damwebhooks.it.backlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.bench.Events;
import io.damwebhooks.bench.Load;
import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.Receiver;
import io.damwebhooks.it.support.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The slowest test (about 2 minutes; {@code mvn verify -Pfast} leaves it out): 100,000 deliveries pile up while the receiver is down, in a service whose heap is capped
 * well under the 512 MB we promise; memory stays bounded (every event is accepted and no
 * OutOfMemoryError is logged) and every delivery arrives once the receiver is back.
 */
@Tag("slow")
class BacklogIT {

    static final int WEBHOOKS = 5;
    static final int EVENTS = Integer.getInteger("backlog.events", 20_000);
    static final String HEAP = "-Xmx384m";

    @Test
    void aHundredThousandPendingDeliveriesStayWithinTheHeapAndAllDrain() throws Exception {
        int port = freePort(); // nothing listens here until the receiver "comes back"
        Map<String, String> environment = Map.of(
                "WEBHOOKS_DELIVERY_ALLOW_HTTP", "true",
                "WEBHOOKS_DELIVERY_ALLOW_PRIVATE_NETWORKS", "true",
                "WEBHOOKS_DELIVERY_TIMEOUT", "3s",
                "WEBHOOKS_DELIVERY_CIRCUIT_OPEN", "5s",
                "WEBHOOKS_DELIVERY_RETRY_DELAYS", String.join(",", java.util.Collections.nCopies(50, "2s")));
        try (ServiceProcess service = ServiceProcess.start(Deployments.freshHome(), environment, List.of(HEAP, ServiceProcess.FULL_JIT))) {
            Api admin = Api.admin(service.base());
            for (int i = 0; i < WEBHOOKS; i++) {
                Api.Reply created = admin.post("webhooks", """
                        {"name": "down %d", "url": "http://127.0.0.1:%d/hook/%d", "triggers": [{"event": "asset.uploaded"}],
                         "fields": ["file.name", "file.size", "file.uuid", "image.width", "meta.custom"]}""".formatted(i, port, i));
                assertEquals(201, created.status(), created.toString());
            }
            URI events = URI.create(service.base() + "api/events");
            String publisher = Load.basic(Deployments.PUBLISHER, Deployments.PUBLISHER_PASSWORD);
            AtomicLong maxHeap = new AtomicLong();
            long fillStart = System.nanoTime();
            for (int done = 0; done < EVENTS; done += 1000) {
                int offset = done;
                Load.post(events, publisher, Math.min(1000, EVENTS - done), 16, i -> Events.body("backlog-" + (offset + i)));
                maxHeap.accumulateAndGet(service.usedHeapBytes(), Math::max);
            }
            long expected = (long) WEBHOOKS * EVENTS;
            System.out.printf("BacklogIT: %d events accepted in %.0f s (%d deliveries pending)%n",
                    EVENTS, (System.nanoTime() - fillStart) / 1e9, expected);

            try (Receiver receiver = new Receiver(0, port)) {
                long drainStart = System.nanoTime();
                Poll.until(Duration.ofMinutes(20), () -> {
                    maxHeap.accumulateAndGet(service.usedHeapBytes(), Math::max);
                    return (long) receiver.ids().size();
                }, n -> n >= expected, expected + " deliveries received after the receiver came back");
                double seconds = (System.nanoTime() - drainStart) / 1e9;
                System.out.printf("BacklogIT: %d drained in %.0f s (%.0f/s), %d duplicates; max used heap %d MB (%s)%n",
                        expected, seconds, expected / seconds, receiver.duplicates(), maxHeap.get() >> 20, HEAP);
                assertEquals(expected, receiver.ids().size());
            }
            String log = Files.readString(service.log());
            assertFalse(log.contains("OutOfMemoryError"), "no OutOfMemoryError in " + service.log());
            // the cap itself is what bounds memory; the samples show the gauge was read, for the printed figure
            assertTrue(maxHeap.get() > 0, "the heap was sampled");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
