package io.damwebhooks.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.damwebhooks.it.support.DurablePostgres;
import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The database stops while the DAM posts events: intake answers 503 with Retry-After, records nothing
 * half-way, and works again as soon as the database is back — without restarting the service.
 */
class DatabaseOutageIT {

    @Test
    void intakeAnswers503WhileTheDatabaseIsDownAndRecoversWhenItReturns() throws Exception {
        Path home = Deployments.freshHome();
        Path data = home.resolve("pgdata");
        int port = freePort();
        EmbeddedPostgres postgres = start(data, port); // a fresh directory: kept on close, for the restart
        try (ServiceProcess service = ServiceProcess.start(home, Map.of(
                "WEBHOOKS_DB_URL", postgres.getJdbcUrl("postgres", "postgres") + "&connectTimeout=2&socketTimeout=10",
                "WEBHOOKS_DB_USER", "postgres", "WEBHOOKS_DB_PASSWORD", "postgres"))) {
            Api publisher = Api.publisher(service.base());
            assertEquals(202, event(publisher, "before").status());

            postgres.close();
            Api.Reply during = event(publisher, "during");
            assertEquals(503, during.status(), during.toString());
            assertNotNull(during.header("Retry-After"));
            assertEquals("application/problem+json", during.header("Content-Type").split(";")[0]);

            postgres = start(data, port);
            Api.Reply after = Poll.until(Duration.ofMinutes(1), () -> event(publisher, "after"), r -> r.status() == 202,
                    "intake accepting again");
            assertEquals(202, after.status());
            assertEquals(0, count(postgres, "SELECT COUNT(*) FROM event WHERE id = 'during'"), "nothing of the refused event");
            assertEquals(1, count(postgres, "SELECT COUNT(*) FROM event WHERE id = 'before'"));
        } finally {
            postgres.close();
        }
    }

    private static Api.Reply event(Api publisher, String id) {
        return publisher.post("events", """
                {"id": "%s", "type": "asset.uploaded", "asset": {"uuid": "u-%s", "name": "a.jpg"}}""".formatted(id, id));
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
