package io.damwebhooks.it.dam;

import static io.damwebhooks.it.dam.DamSetup.EDITOR;
import static io.damwebhooks.it.dam.DamSetup.EDITOR_PASSWORD;
import static io.damwebhooks.it.dam.DamSetup.OPS;
import static io.damwebhooks.it.dam.DamSetup.OPS_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.ScriptedReceiver;
import io.damwebhooks.it.support.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sample DAM ({@code examples/dam}) with the service inside its WAR and the outbox in the DAM's
 * own PostgreSQL ({@code webhooks.db.jndi-name=jdbc/dam}, one non-XA pool): the DAM's {@code @Transactional}
 * changes fire the CDI events, and the deliveries commit, roll back and survive a crash with them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDamIT {

    private Path home;
    private EmbeddedPostgres database;
    private int databasePort;
    private final ScriptedReceiver receiver = new ScriptedReceiver();
    private ServiceProcess dam;
    private String signingSecret;

    @BeforeAll
    void start() throws Exception {
        home = Deployments.freshHome();
        databasePort = DamSetup.freePort();
        database = DamSetup.postgres(home.resolve("pgdata"), databasePort);
        DamSetup.users(database);
        // the built-in users on as well, to show both sets; the DAM's own setting (false) applies after the restart
        dam = startDam(Map.of("WEBHOOKS_SECURITY_BUILT_IN_USERS", "true"));
        Api.Reply created = DamSetup.webhooks(dam.base(), OPS, OPS_PASSWORD).post("webhooks", DamSetup.webhook(receiver.url("/pim")));
        assertEquals(201, created.status(), created.toString());
        signingSecret = created.json().getString("signingSecret");
    }

    private ServiceProcess startDam(Map<String, String> environment) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "WEBHOOKS_DELIVERY_ALLOW_HTTP", "true", "WEBHOOKS_DELIVERY_ALLOW_PRIVATE_NETWORKS", "true",
                "WEBHOOKS_DELIVERY_RETRY_DELAYS", "1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s"));
        settings.putAll(environment);
        return DamSetup.start(home, DamSetup.pool("jdbc/dam", databasePort, false), settings);
    }

    @AfterAll
    void stop() throws Exception {
        if (dam != null) dam.close();
        receiver.close();
        if (database != null) database.close();
    }

    @Test
    @Order(1)
    void theWebhookApiAndConsoleAreServedInsideTheDamsApplicationToTheDamsUsersAndTheBuiltInOnes() {
        Api.Reply console = Api.serverGet(dam.base(), "", "text/html");
        assertEquals(200, console.status());
        assertTrue(console.body().contains("DAM Webhooks"), "the console's page at the DAM's root");
        assertEquals(200, Api.serverGet(dam.base(), "console/main.js", "*/*").status());

        assertEquals(200, DamSetup.webhooks(dam.base(), OPS, OPS_PASSWORD).get("webhooks").status(), "the DAM's webhook-admin");
        assertEquals(200, DamSetup.builtInAdmin(dam.base()).get("webhooks").status(), "the built-in admin, while switched on");
        assertEquals(403, DamSetup.webhooks(dam.base(), EDITOR, EDITOR_PASSWORD).get("webhooks").status(), "a DAM user without the role");
        assertEquals(401, Api.anonymous(dam.base()).get("webhooks").status());
        assertEquals(401, DamSetup.webhooks(dam.base(), OPS, "wrong").get("webhooks").status());

        assertEquals(201, DamSetup.assets(dam.base(), EDITOR, EDITOR_PASSWORD).post("assets", DamSetup.upload("first.jpg", "/users")).status());
        assertEquals(403, DamSetup.assets(dam.base(), Deployments.ADMIN, Deployments.ADMIN_PASSWORD)
                .post("assets", DamSetup.upload("second.jpg", "/users")).status(), "the DAM's API wants its own role");
        assertTheDamsApiRefusesAnonymousAndWrongRoleCallers();
        // each JAX-RS application serves its own resources only
        assertEquals(404, DamSetup.webhooks(dam.base(), EDITOR, EDITOR_PASSWORD).get("assets/x").status());
        assertEquals(404, DamSetup.assets(dam.base(), OPS, OPS_PASSWORD).get("webhooks").status());
    }

    /** Nobody without {@code dam-editor} changes an asset: anonymous callers get 401, other users 403, and nothing is saved. */
    private void assertTheDamsApiRefusesAnonymousAndWrongRoleCallers() {
        Api.Reply uploaded = DamSetup.assets(dam.base(), EDITOR, EDITOR_PASSWORD).post("assets", DamSetup.upload("guarded.jpg", "/guarded"));
        String uuid = uploaded.json().getString("uuid");
        int assets = DamSetup.count(database, "SELECT COUNT(*) FROM dam_asset");
        int events = DamSetup.count(database, "SELECT COUNT(*) FROM event");
        Map<Api, Integer> callers = Map.of(Api.anonymous(dam.base(), "rest/"), 401, DamSetup.assets(dam.base(), OPS, OPS_PASSWORD), 403);
        callers.forEach((caller, status) -> {
            assertEquals(status, caller.post("assets", DamSetup.upload("evil.jpg", "/evil")).status(), "upload");
            assertEquals(status, caller.put("assets/" + uuid + "/name", "{\"name\": \"evil.jpg\"}").status(), "rename");
            assertEquals(status, caller.put("assets/" + uuid + "/folder", "{\"folder\": \"/evil\"}").status(), "move");
            assertEquals(status, caller.put("assets/" + uuid + "/tags", "[\"evil\"]").status(), "tags");
            assertEquals(status, caller.delete("assets/" + uuid).status(), "delete");
            assertEquals(status, caller.get("assets/" + uuid).status(), "read");
        });
        assertEquals(assets, DamSetup.count(database, "SELECT COUNT(*) FROM dam_asset"), "nothing created or deleted");
        assertEquals(events, DamSetup.count(database, "SELECT COUNT(*) FROM event"), "no event fired");
        assertEquals("/guarded/guarded.jpg", DamSetup.assets(dam.base(), EDITOR, EDITOR_PASSWORD).get("assets/" + uuid).json().getString("path"));
    }

    @Test
    @Order(2)
    void everyChangeCommitsWithItsDeliveryAndArrivesSigned() {
        Api editor = DamSetup.assets(dam.base(), EDITOR, EDITOR_PASSWORD);
        int deliveriesBefore = DamSetup.count(database, "SELECT COUNT(*) FROM delivery");
        Api.Reply uploaded = editor.post("assets", DamSetup.upload("beach.jpg", "/summer"));
        assertEquals(201, uploaded.status(), uploaded.toString());
        String uuid = uploaded.json().getString("uuid");
        assertEquals(1, DamSetup.count(database, "SELECT COUNT(*) FROM dam_asset WHERE uuid = ?", uuid));
        assertEquals(deliveriesBefore + 1, DamSetup.count(database, "SELECT COUNT(*) FROM delivery"),
                "the delivery is in the DAM's database, committed with the asset");

        assertEquals(200, editor.put("assets/" + uuid + "/folder", "{\"folder\": \"/archive\"}").status());
        assertEquals(200, editor.put("assets/" + uuid + "/name", "{\"name\": \"shore.jpg\"}").status());
        assertEquals(200, editor.put("assets/" + uuid + "/metadata", "{\"status\": \"approved\"}").status());
        assertEquals(200, editor.put("assets/" + uuid + "/tags", "[\"sea\", \"sand\"]").status());
        assertEquals(200, editor.put("assets/" + uuid + "/labels", "[\"summer\"]").status());
        assertEquals(204, editor.delete("assets/" + uuid).status());

        Map<String, JsonObject> byType = Poll.until(Duration.ofMinutes(2), () -> received(uuid), got -> got.size() == 7,
                "seven signed deliveries for asset " + uuid);
        JsonObject moved = byType.get("asset.moved").getJsonObject("data");
        assertEquals("/summer/beach.jpg", moved.getJsonObject("changes").getJsonObject("path").getString("old"));
        assertEquals("/archive/beach.jpg", moved.getJsonObject("changes").getJsonObject("path").getString("new"));
        assertEquals("shore.jpg", byType.get("asset.renamed").getJsonObject("data").getJsonObject("changes").getJsonObject("name").getString("new"));
        assertEquals("approved", byType.get("asset.metadata_changed").getJsonObject("data").getJsonObject("asset")
                .getJsonObject("meta").getJsonObject("custom").getString("status"));
        assertEquals("[\"sea\",\"sand\"]", byType.get("asset.tags_changed").getJsonObject("data").getJsonObject("changes")
                .getJsonObject("tags").getJsonArray("new").toString());
        assertEquals("/archive/shore.jpg", byType.get("asset.deleted").getJsonObject("data").getJsonObject("asset").getString("path"));
    }

    @Test
    @Order(3)
    void anExceptionAfterTheEventWasFiredRollsTheChangeAndItsDeliveriesBack() {
        Api editor = DamSetup.assets(dam.base(), EDITOR, EDITOR_PASSWORD);
        assertEquals(201, editor.post("assets", DamSetup.upload("same.jpg", "/a")).status());
        Api.Reply other = editor.post("assets", DamSetup.upload("same.jpg", "/b"));
        String uuid = other.json().getString("uuid");
        int events = DamSetup.count(database, "SELECT COUNT(*) FROM event");
        int deliveries = DamSetup.count(database, "SELECT COUNT(*) FROM delivery");

        // the DAM fires asset.moved, then its flush hits the unique path: the method throws after the event
        Api.Reply conflict = editor.put("assets/" + uuid + "/folder", "{\"folder\": \"/a\"}");
        assertEquals(409, conflict.status(), conflict.toString());

        assertEquals("/b/same.jpg", editor.get("assets/" + uuid).json().getString("path"), "the DAM's change rolled back");
        assertEquals(events, DamSetup.count(database, "SELECT COUNT(*) FROM event"), "no event recorded");
        assertEquals(deliveries, DamSetup.count(database, "SELECT COUNT(*) FROM delivery"), "no delivery recorded");
    }

    @Test
    @Order(4)
    void aSigkillRightAfterTheDamsCommitsLosesNoDelivery() {
        receiver.on("/pim", request -> ScriptedReceiver.Answer.of(503)); // nothing gets through before the kill
        Api editor = DamSetup.assets(dam.base(), EDITOR, EDITOR_PASSWORD);
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Api.Reply uploaded = editor.post("assets", DamSetup.upload("crash-" + i + ".jpg", "/crash"));
            assertEquals(201, uploaded.status(), uploaded.toString());
            uuids.add(uploaded.json().getString("uuid"));
        }
        dam.kill();

        receiver.requests.clear();
        receiver.on("/pim", request -> ScriptedReceiver.Answer.of(204));
        dam = startDam(Map.of()); // the DAM's own settings now: its users only
        Set<String> arrived = Poll.until(Duration.ofMinutes(2), () -> {
            Set<String> seen = new HashSet<>();
            receiver.requests.forEach(r -> seen.add(body(r).getJsonObject("data").getJsonObject("asset").getString("uuid", "")));
            return seen;
        }, seen -> seen.containsAll(uuids), "every upload committed before the kill delivered after the restart");
        assertTrue(arrived.containsAll(uuids));
    }

    @Test
    @Order(5)
    void withTheDamsOwnSettingsOnlyItsUsersLogIn() {
        assertEquals(401, DamSetup.builtInAdmin(dam.base()).get("webhooks").status(), "no built-in admin");
        assertEquals(200, DamSetup.webhooks(dam.base(), OPS, OPS_PASSWORD).get("webhooks").status());
    }

    /** The deliveries received for one asset, by event type, each checked against its signature. */
    private Map<String, JsonObject> received(String uuid) {
        Map<String, JsonObject> byType = new HashMap<>();
        for (ScriptedReceiver.Request request : receiver.requests) {
            JsonObject body = body(request);
            if (!uuid.equals(body.getJsonObject("data").getJsonObject("asset").getString("uuid", ""))) continue;
            try {
                new Webhook(signingSecret).verify(request.body(), request.headers());
            } catch (Exception e) {
                throw new AssertionError("not signed with the webhook's secret: " + request.body(), e);
            }
            byType.put(body.getString("type"), body);
        }
        return byType;
    }

    private static JsonObject body(ScriptedReceiver.Request request) {
        return Json.createReader(new StringReader(request.body())).readObject();
    }
}
