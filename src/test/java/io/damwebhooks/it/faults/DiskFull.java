package io.damwebhooks.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.Receiver;
import io.damwebhooks.it.support.ServiceProcess;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The disk under the H2 file fills up while events arrive: intake answers 503 with Retry-After (a
 * problem document, not a 500), and an event refused so left nothing behind — posted again once there
 * is room, it is recorded and delivered like the others, without a restart of the service.
 */
final class DiskFull {

    static final int MAX_EVENTS = 400;

    private DiskFull() { }

    static void check(ServiceProcess service, Receiver receiver, SmallDisk disk) throws Exception {
        Api admin = Api.admin(service.base());
        // the custom metadata goes into the body, so each delivery stores about 100 KB
        Api.Reply created = admin.post("webhooks", """
                {"name": "big bodies", "url": "%s", "triggers": [{"event": "asset.uploaded"}], "fields": ["file.uuid", "meta.custom"]}"""
                .formatted(receiver.url("/big")));
        assertEquals(201, created.status(), created.toString());
        disk.resize(disk.used() + 2 * 1024 * 1024);

        Api publisher = Api.publisher(service.base());
        Set<String> accepted = new HashSet<>();
        List<String> refused = new ArrayList<>();
        Api.Reply full = null;
        for (int i = 0; i < MAX_EVENTS && refused.size() < 3; i++) {
            Api.Reply reply = publisher.post("events", big("full-" + i));
            if (reply.status() == 202) {
                accepted.add("full-" + i);
            } else {
                full = reply;
                assertEquals(503, reply.status(), "a full disk is the database unable to write, not an error of ours: " + reply);
                assertNotNull(reply.header("Retry-After"));
                assertEquals("application/problem+json", reply.mediaType());
                refused.add("full-" + i);
            }
        }
        assertNotNull(full, MAX_EVENTS + " events of 100 KB fitted in 2 MB: the disk never filled");

        disk.resize(256L * 1024 * 1024); // room again
        for (String id : refused) {
            Api.Reply again = Poll.until(Duration.ofMinutes(1), () -> publisher.post("events", big(id)), r -> r.status() == 202,
                    "intake accepting " + id + " once there is room");
            assertEquals(2, again.json().getInt("deliveries"), "recorded now, for both webhooks: nothing of the refused try was left " + again);
            accepted.add(id);
        }
        try {
            Poll.until(Duration.ofMinutes(2), () -> receiver.eventIds.containsAll(accepted), all -> all,
                    "every event accepted around the full disk delivered, with no restart");
        } catch (AssertionError late) {
            Set<String> missing = new HashSet<>(accepted);
            missing.removeAll(receiver.eventIds);
            StringBuilder pending = new StringBuilder();
            for (var webhook : admin.get("webhooks").array()) {
                String id = webhook.asJsonObject().getString("id");
                pending.append("\n").append(id).append(": ").append(admin.get("webhooks/" + id + "/deliveries?status=pending").body());
            }
            throw new AssertionError(late.getMessage() + "; not received: " + missing + "; see " + service.log() + "; pending:" + pending, late);
        }
        System.out.printf("disk full on H2: %d events accepted before the disk was full, %d answered 503, all delivered once there was room%n",
                accepted.size() - refused.size(), refused.size());
    }

    private static String big(String id) {
        byte[] noise = new byte[75_000]; // random, so that no compression makes it small
        new SecureRandom().nextBytes(noise);
        return """
                {"id": "%s", "type": "asset.uploaded", "asset": {"uuid": "u-%s", "name": "a.jpg",
                 "meta": {"custom": {"blob": "%s"}}}}""".formatted(id, id, Base64.getEncoder().encodeToString(noise));
    }
}
