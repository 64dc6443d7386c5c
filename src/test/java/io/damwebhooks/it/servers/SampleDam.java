package io.damwebhooks.it.servers;

import static io.damwebhooks.it.dam.DamSetup.EDITOR;
import static io.damwebhooks.it.dam.DamSetup.EDITOR_PASSWORD;
import static io.damwebhooks.it.dam.DamSetup.OPS;
import static io.damwebhooks.it.dam.DamSetup.OPS_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import io.damwebhooks.it.dam.DamSetup;
import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.ScriptedReceiver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The sample DAM ({@code examples/dam}, its WAR as built) on a server of the matrix, set up as docs/embedding.md
 * says for that server: the DAM's datasource {@code jdbc/dam} on PostgreSQL, which
 * holds the outbox too ({@code webhooks.db.jndi-name}, from the DAM's own settings). The core of
 * {@code EmbeddedDamIT} (which also kills the DAM, and runs with {@code XaDamIT} on Payara Micro only): the
 * webhook API at the DAM's context root for the DAM's users, a change through the DAM's REST resource
 * committed with its delivery and delivered signed, and an exception after the event rolling both back.
 */
final class SampleDam {

    private SampleDam() { }

    static void check(AppServer server, EmbeddedPostgres postgres, ScriptedReceiver receiver) throws Exception {
        long started = System.nanoTime();
        DataSource database = createDatabase(postgres);
        server.deployDam(postgres.getPort());
        URL dam = server.damBase();
        Api ops = DamSetup.webhooks(dam, OPS, OPS_PASSWORD);
        Poll.until(Duration.ofMinutes(6), () -> status(ops), status -> status == 200,
                "the sample DAM serving the webhook API on " + server.name() + " (log: " + server.log() + ")");

        assertEquals(403, DamSetup.webhooks(dam, EDITOR, EDITOR_PASSWORD).get("webhooks").status(), "a DAM user without the role");
        assertEquals(401, Api.anonymous(dam).get("webhooks").status());
        assertEquals(401, Api.admin(dam).get("webhooks").status(), "the DAM's settings switch the built-in users off");
        receiver.on("/dam", request -> ScriptedReceiver.Answer.of(204));
        Api.Reply created = ops.post("webhooks", DamSetup.webhook(receiver.url("/dam")));
        assertEquals(201, created.status(), created.toString());
        Webhook signature = new Webhook(created.json().getString("signingSecret"));

        Api editor = DamSetup.assets(dam, EDITOR, EDITOR_PASSWORD);
        Api.Reply uploaded = editor.post("assets", DamSetup.upload("beach.jpg", "/summer"));
        assertEquals(201, uploaded.status(), uploaded.toString());
        String uuid = uploaded.json().getString("uuid");
        assertEquals(1, DamSetup.count(database, "SELECT COUNT(*) FROM dam_asset WHERE uuid = ?", uuid));
        assertEquals(1, DamSetup.count(database, "SELECT COUNT(*) FROM delivery"),
                "the delivery is in the DAM's database, committed with the asset");
        assertTheDamsApiRefusesEverybodyElse(server, dam, database, uuid);
        ScriptedReceiver.Request delivered = Poll.until(Duration.ofMinutes(2), () -> received(receiver, uuid, "asset.uploaded"),
                got -> !got.isEmpty(), "the upload delivered from the DAM on " + server.name()).get(0);
        signature.verify(delivered.body(), delivered.headers());

        // the DAM fires asset.moved, then its flush hits the unique path: the method throws after the event
        assertEquals(201, editor.post("assets", DamSetup.upload("beach.jpg", "/archive")).status());
        int events = DamSetup.count(database, "SELECT COUNT(*) FROM event");
        Api.Reply conflict = editor.put("assets/" + uuid + "/folder", "{\"folder\": \"/archive\"}");
        assertEquals(409, conflict.status(), conflict.toString());
        assertEquals("/summer/beach.jpg", editor.get("assets/" + uuid).json().getString("path"), "the DAM's change rolled back");
        assertEquals(events, DamSetup.count(database, "SELECT COUNT(*) FROM event"), "no event recorded");
        assertEquals(2, DamSetup.count(database, "SELECT COUNT(*) FROM delivery"), "no delivery recorded");
        // a later change of the same asset arrives, and the rolled-back move never does
        assertEquals(200, editor.put("assets/" + uuid + "/name", "{\"name\": \"shore.jpg\"}").status());
        Poll.until(Duration.ofMinutes(2), () -> received(receiver, uuid, "asset.renamed"), got -> !got.isEmpty(),
                "the rename delivered");
        assertTrue(received(receiver, uuid, "asset.moved").isEmpty(), "nothing delivered for the rolled-back move");
        // what this step adds to the run (the CI's budget for it is tight): set-up, deployment and checks
        System.out.printf("The sample DAM on %s took %d s%n", server.name(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /**
     * The DAM's own REST API, as the sample guards it on every server (its RolesCheck): an anonymous caller
     * (401, or a server's own 403) and a user without {@code dam-editor} (403) create, change and delete
     * nothing, and no event is fired. WildFly's RESTEasy would let both through on its own.
     */
    private static void assertTheDamsApiRefusesEverybodyElse(AppServer server, URL dam, DataSource database, String uuid) {
        int assets = DamSetup.count(database, "SELECT COUNT(*) FROM dam_asset");
        int events = DamSetup.count(database, "SELECT COUNT(*) FROM event");
        for (Api caller : List.of(Api.anonymous(dam, "rest/"), DamSetup.assets(dam, OPS, OPS_PASSWORD))) {
            List<Api.Reply> replies = List.of(caller.post("assets", DamSetup.upload("evil.jpg", "/evil")),
                    caller.put("assets/" + uuid + "/name", "{\"name\": \"evil.jpg\"}"),
                    caller.put("assets/" + uuid + "/folder", "{\"folder\": \"/evil\"}"), caller.delete("assets/" + uuid));
            for (Api.Reply reply : replies) {
                assertTrue(reply.status() == 401 || reply.status() == 403, server.name() + ": " + reply);
            }
        }
        assertEquals(assets, DamSetup.count(database, "SELECT COUNT(*) FROM dam_asset"), "nothing created or deleted on " + server.name());
        assertEquals(events, DamSetup.count(database, "SELECT COUNT(*) FROM event"), "no event fired on " + server.name());
        assertEquals("/summer/beach.jpg", DamSetup.assets(dam, EDITOR, EDITOR_PASSWORD).get("assets/" + uuid).json().getString("path"),
                "the asset unchanged on " + server.name());
    }

    /** The DAM's database, as its team would make it: a role and a database of its own, and its users. */
    private static DataSource createDatabase(EmbeddedPostgres postgres) throws Exception {
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("create role dam login password 'change-me'");
            statement.execute("create database dam owner dam");
        }
        DataSource database = postgres.getDatabase("dam", "dam");
        DamSetup.users(database);
        return database;
    }

    private static int status(Api api) {
        try {
            return api.get("webhooks").status();
        } catch (RuntimeException notYet) {
            return -1;
        }
    }

    private static List<ScriptedReceiver.Request> received(ScriptedReceiver receiver, String uuid, String type) {
        return receiver.requests.stream().filter(request -> request.path().equals("/dam")).filter(request -> {
            JsonObject body = Json.createReader(new StringReader(request.body())).readObject();
            return type.equals(body.getString("type"))
                    && uuid.equals(body.getJsonObject("data").getJsonObject("asset").getString("uuid", ""));
        }).toList();
    }
}
