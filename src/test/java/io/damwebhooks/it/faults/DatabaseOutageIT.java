package io.damwebhooks.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.DurablePostgres;
import io.damwebhooks.it.support.EventStream;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.Receiver;
import io.damwebhooks.it.support.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL is killed hard (SIGKILL to the server and all its processes) while the DAM posts a steady
 * stream of events: intake answers 503 with Retry-After, records nothing half-way, and works again as
 * soon as the database is back; every event answered 202 — before, during and after — reaches the
 * receiver, without a restart of the service.
 */
class DatabaseOutageIT {

    @Test
    void intakeAnswers503WhileTheDatabaseIsDownAndNothingAcceptedIsLost() throws Exception {
        Path home = Deployments.freshHome();
        Path data = home.resolve("pgdata");
        int port = freePort();
        EmbeddedPostgres postgres = start(data, port); // a fresh directory: kept on close, for the restart
        try (Receiver receiver = new Receiver(5);
             ServiceProcess service = ServiceProcess.start(home, Map.of(
                     "WEBHOOKS_DB_URL", postgres.getJdbcUrl("postgres", "postgres") + "&connectTimeout=2&socketTimeout=10",
                     "WEBHOOKS_DB_USER", "postgres", "WEBHOOKS_DB_PASSWORD", "postgres",
                     "WEBHOOKS_DELIVERY_ALLOW_HTTP", "true", "WEBHOOKS_DELIVERY_ALLOW_PRIVATE_NETWORKS", "true",
                     // outcomes that could not be recorded during the outage come back when their lease runs out
                     "WEBHOOKS_DELIVERY_TIMEOUT", "2s", "WEBHOOKS_DELIVERY_LEASE", "5s",
                     "WEBHOOKS_DELIVERY_RETRY_DELAYS", "200ms,500ms" + ",1s".repeat(50)))) {
            Api admin = Api.admin(service.base());
            Api.Reply created = admin.post("webhooks", """
                    {"name": "outage", "url": "%s", "triggers": [{"event": "asset.uploaded"}]}""".formatted(receiver.url("/hook")));
            assertEquals(201, created.status(), created.toString());
            Api publisher = Api.publisher(service.base());
            assertEquals(202, event(publisher, "before").status());

            EventStream stream = new EventStream(publisher, "stream");
            try (stream) {
                Poll.until(Duration.ofMinutes(1), receiver.eventIds::size, n -> n >= 30, "the stream flowing");
                killHard(data);
                Api.Reply during = Poll.until(Duration.ofSeconds(30), () -> event(publisher, "during"), r -> r.status() != 202,
                        "intake refusing while the database is gone");
                assertEquals(503, during.status(), during.toString());
                assertNotNull(during.header("Retry-After"));
                assertEquals("application/problem+json", during.header("Content-Type").split(";")[0]);
                postgres.close(); // its server is gone already: this releases the data directory

                postgres = start(data, port); // crash recovery from the write-ahead log
                int acceptedAtRestart = stream.accepted.size();
                Poll.until(Duration.ofMinutes(1), stream.accepted::size, n -> n >= acceptedAtRestart + 30, "intake accepting again");
                assertTrue(stream.count(503) > 0, "the stream met 503s during the outage: " + stream.statuses);
            }
            Api.Reply after = event(publisher, "after");
            assertEquals(202, after.status(), after.toString());
            Set<String> accepted = new HashSet<>(stream.accepted);
            accepted.addAll(Set.of("before", "after"));
            Poll.until(Duration.ofMinutes(1), () -> receiver.eventIds.containsAll(accepted), all -> all,
                    "every event answered 202 delivered, with no restart of the service");
            System.out.printf("database outage: %d events accepted, %d answered 503, %d without an answer; all %d delivered%n",
                    accepted.size(), stream.count(503), stream.count(-1), accepted.size());
            assertEquals(0, count(postgres, "SELECT COUNT(*) FROM event WHERE id = 'during'"), "nothing of the refused event");
            assertEquals(0, count(postgres, "SELECT COUNT(*) FROM delivery WHERE event_id = 'during'"), "nothing of the refused event");
            assertEquals(1, count(postgres, "SELECT COUNT(*) FROM event WHERE id = 'before'"));
        } finally {
            postgres.close();
        }
    }

    private static Api.Reply event(Api publisher, String id) {
        return publisher.post("events", """
                {"id": "%s", "type": "asset.uploaded", "asset": {"uuid": "u-%s", "name": "a.jpg"}}""".formatted(id, id));
    }

    /** SIGKILL to the postmaster and every backend: no shutdown checkpoint, as when the database host dies. */
    private static void killHard(Path data) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        Poll.until(Duration.ofSeconds(30), postmaster::isAlive, alive -> !alive, "PostgreSQL gone");
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return DurablePostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static int count(EmbeddedPostgres postgres, String sql) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
