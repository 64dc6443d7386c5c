package io.damwebhooks.it.dam;

import static io.damwebhooks.it.dam.DamSetup.EDITOR;
import static io.damwebhooks.it.dam.DamSetup.EDITOR_PASSWORD;
import static io.damwebhooks.it.dam.DamSetup.OPS;
import static io.damwebhooks.it.dam.DamSetup.OPS_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.ScriptedReceiver;
import io.damwebhooks.it.support.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The second route of docs/events.md: the DAM's tables in one PostgreSQL, the outbox in another, both pools XA
 * ({@code org.postgresql.xa.PGXADataSource}), {@code webhooks.db.jndi-name} naming the outbox's. The
 * transaction manager commits both in two phases; when the outbox's database is down, the DAM's
 * change is refused with a clear answer and nothing of it is kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XaDamIT {

    private EmbeddedPostgres damDatabase;
    private EmbeddedPostgres outbox;
    private Path outboxData;
    private int outboxPort;
    private final ScriptedReceiver receiver = new ScriptedReceiver();
    private ServiceProcess dam;
    private Api editor;

    @BeforeAll
    void start() throws Exception {
        Path home = Deployments.freshHome();
        int damPort = DamSetup.freePort();
        outboxPort = DamSetup.freePort();
        outboxData = home.resolve("outbox-pgdata");
        damDatabase = DamSetup.postgres(home.resolve("dam-pgdata"), damPort);
        outbox = DamSetup.postgres(outboxData, outboxPort);
        DamSetup.users(damDatabase);
        dam = DamSetup.start(home, DamSetup.pool("jdbc/dam", damPort, true) + DamSetup.pool("jdbc/outbox", outboxPort, true),
                Map.of("WEBHOOKS_DB_JNDI_NAME", "jdbc/outbox",
                        "WEBHOOKS_DELIVERY_ALLOW_HTTP", "true", "WEBHOOKS_DELIVERY_ALLOW_PRIVATE_NETWORKS", "true"));
        Api.Reply created = DamSetup.webhooks(dam.base(), OPS, OPS_PASSWORD).post("webhooks", DamSetup.webhook(receiver.url("/pim")));
        assertEquals(201, created.status(), created.toString());
        editor = DamSetup.assets(dam.base(), EDITOR, EDITOR_PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        if (dam != null) dam.close();
        receiver.close();
        if (damDatabase != null) damDatabase.close();
        if (outbox != null) outbox.close();
    }

    @Test
    @Order(1)
    void theChangeAndItsDeliveryCommitTogetherInTwoDatabases() {
        Api.Reply uploaded = editor.post("assets", DamSetup.upload("xa.jpg", "/xa"));
        assertEquals(201, uploaded.status(), uploaded.toString());
        String uuid = uploaded.json().getString("uuid");
        assertEquals(1, DamSetup.count(damDatabase, "SELECT COUNT(*) FROM dam_asset WHERE uuid = ?", uuid));
        assertEquals(1, DamSetup.count(outbox, "SELECT COUNT(*) FROM delivery d JOIN delivery_payload p ON p.delivery_id = d.id "
                + "WHERE d.event_type = 'asset.uploaded' AND p.payload LIKE ?", "%" + uuid + "%"), "the delivery in the outbox's database");
        assertEquals(0, DamSetup.count(damDatabase, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'delivery'"),
                "no outbox in the DAM's database");
        Poll.until(Duration.ofMinutes(1), () -> receiver.requests.stream().anyMatch(r -> r.body().contains(uuid)), got -> got,
                "the upload delivered");
    }

    @Test
    @Order(2)
    void anExceptionAfterTheEventWasFiredRollsBackBothDatabases() {
        assertEquals(201, editor.post("assets", DamSetup.upload("twin.jpg", "/one")).status());
        String uuid = editor.post("assets", DamSetup.upload("twin.jpg", "/two")).json().getString("uuid");
        int events = DamSetup.count(outbox, "SELECT COUNT(*) FROM event");
        int deliveries = DamSetup.count(outbox, "SELECT COUNT(*) FROM delivery");

        assertEquals(409, editor.put("assets/" + uuid + "/folder", "{\"folder\": \"/one\"}").status());

        assertEquals(1, DamSetup.count(damDatabase, "SELECT COUNT(*) FROM dam_asset WHERE uuid = ? AND path = '/two/twin.jpg'", uuid));
        assertEquals(events, DamSetup.count(outbox, "SELECT COUNT(*) FROM event"));
        assertEquals(deliveries, DamSetup.count(outbox, "SELECT COUNT(*) FROM delivery"));
    }

    @Test
    @Order(3)
    void whileTheOutboxDatabaseIsDownTheDamsChangeIsRefusedAndNothingOfItIsKept() throws Exception {
        outbox.close();
        Api.Reply refused = editor.post("assets", DamSetup.upload("unreported.jpg", "/down"));
        assertEquals(503, refused.status(), refused.toString());
        assertTrue(refused.body().contains("asset.uploaded of asset") && refused.body().contains("could not be recorded for delivery"),
                refused.body());
        assertEquals(0, DamSetup.count(damDatabase, "SELECT COUNT(*) FROM dam_asset WHERE name = 'unreported.jpg'"),
                "no change goes unreported");

        outbox = DamSetup.postgres(outboxData, outboxPort);
        Api.Reply again = Poll.until(Duration.ofMinutes(2), () -> editor.post("assets", DamSetup.upload("reported.jpg", "/up")),
                reply -> reply.status() == 201, "the DAM accepting changes once the outbox's database is back");
        String uuid = again.json().getString("uuid");
        Poll.until(Duration.ofMinutes(1), () -> receiver.requests.stream().anyMatch(r -> r.body().contains(uuid)), got -> got,
                "the change after the outage delivered");
    }
}
