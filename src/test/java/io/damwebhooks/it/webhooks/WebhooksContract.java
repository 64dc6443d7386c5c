package io.damwebhooks.it.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.ServerLog;
import io.damwebhooks.it.support.StoredBytes;
import io.damwebhooks.security.control.SecretCipher;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook REST contract where it depends on the database: CRUD, optimistic locking, the limit,
 * write-only secrets, signing secrets and their rotation, secrets at rest. Each database (H2,
 * PostgreSQL) runs these same tests in its own deployment, configured with {@code webhooks.limit=3}.
 */
public abstract class WebhooksContract {

    protected static final int LIMIT = 3;

    @ArquillianResource
    protected URL base;

    protected Api admin;

    /** A JDBC connection to the database the deployment stores in. */
    protected abstract Connection database() throws SQLException;

    /** The cipher under the deployment's {@code webhooks.secrets.key}, to read stored secrets as the service does. */
    protected abstract SecretCipher cipher();

    /** Writes what the database buffers to its files, and answers the directory they are in. */
    protected abstract Path flushedStorage() throws SQLException;

    /** The caller with role {@code webhook-admin}: the built-in admin unless a deployment brings its own users. */
    protected Api admin() {
        return Api.admin(base);
    }

    @BeforeEach
    void noWebhooks() {
        admin = admin();
        for (JsonValue webhook : admin.get("webhooks").array()) {
            assertEquals(204, admin.delete("webhooks/" + webhook.asJsonObject().getString("id")).status());
        }
    }

    @Test
    void createReadListUpdateDelete() {
        Api.Reply created = admin.post("webhooks", webhook("PIM sync", """
                "hostname": "pim.example.com:8443", "path": "/hooks/dam",
                "headers": [{"name": "X-Tenant", "value": "acme"}],
                "triggers": [{"event": "asset.uploaded"}, {"event": "asset.metadata_changed", "field": "status", "value": "approved"}],
                "fields": ["file.name", "image.width", "meta.custom"]"""));
        assertEquals(201, created.status(), created.toString());
        JsonObject body = created.json();
        String id = body.getString("id");
        assertTrue(id.startsWith("wh_"), id);
        assertEquals(base.toString().replaceFirst("/*$", "/") + "api/webhooks/" + id, created.header("Location"));
        assertTrue(body.getString("signingSecret").startsWith("whsec_"));
        assertEquals("https://pim.example.com:8443/hooks/dam", body.getString("url"));
        assertEquals("pim.example.com:8443", body.getString("hostname"));
        assertTrue(body.getBoolean("active"));
        assertEquals("none", body.getJsonObject("auth").getString("type"));
        assertEquals(List.of("file.name", "image.width", "meta.custom"), strings(body.getJsonArray("fields")));
        assertEquals("approved", body.getJsonArray("triggers").getJsonObject(1).getString("value"));

        Api.Reply read = admin.get("webhooks/" + id);
        assertEquals(200, read.status(), read.toString());
        JsonObject got = read.json();
        assertFalse(got.containsKey("signingSecret"), "the signing secret only through /secret");
        for (String key : List.of("id", "name", "url", "hostname", "path", "headers", "triggers", "fields", "auth", "version")) {
            assertEquals(body.get(key), got.get(key), key);
        }
        assertEquals(body.getString("createdAt"), got.getString("createdAt"), "the answer says what was stored");
        assertEquals(body.getString("updatedAt"), got.getString("updatedAt"));

        List<String> ids = admin.get("webhooks").array().stream().map(w -> w.asJsonObject().getString("id")).toList();
        assertEquals(List.of(id), ids);

        Api.Reply updated = admin.put("webhooks/" + id, with(got, "name", Json.createValue("PIM sync 2")).toString());
        assertEquals(200, updated.status(), updated.toString());
        assertEquals("PIM sync 2", updated.json().getString("name"));
        assertEquals(got.getJsonNumber("version").longValue() + 1, updated.json().getJsonNumber("version").longValue());
        JsonObject reread = admin.get("webhooks/" + id).json();
        assertEquals("PIM sync 2", reread.getString("name"));
        assertEquals(updated.json().getString("updatedAt"), reread.getString("updatedAt"));

        assertEquals(204, admin.delete("webhooks/" + id).status());
        Api.Reply gone = admin.get("webhooks/" + id);
        assertEquals(404, gone.status());
        assertEquals("application/problem+json", gone.mediaType());
        assertEquals(404, admin.delete("webhooks/" + id).status());
        assertEquals(404, admin.put("webhooks/" + id, got.toString()).status());
        assertEquals(0, admin.get("webhooks").array().size());
    }

    @Test
    void aPutOfWhatGetReturnedIgnoresReadOnlyProperties() {
        JsonObject created = create(webhook("Read-only", "\"hostname\": \"pim.example.com\", \"path\": \"/a\""));
        String id = created.getString("id");
        JsonObject got = admin.get("webhooks/" + id).json();
        JsonObject forged = Json.createObjectBuilder(got)
                .add("id", "wh_SOMEBODYELSE").add("createdAt", "2000-01-01T00:00:00Z").add("updatedAt", "2000-01-01T00:00:00Z")
                .add("url", "https://evil.example.com/steal").add("signingSecret", "whsec_Zm9yZ2VkZm9yZ2VkZm9yZ2Vk")
                .add("disabledReason", "forged").build();
        Api.Reply put = admin.put("webhooks/" + id, forged.toString());
        assertEquals(200, put.status(), put.toString());
        JsonObject after = admin.get("webhooks/" + id).json();
        assertEquals(id, after.getString("id"));
        assertEquals(got.getString("createdAt"), after.getString("createdAt"));
        assertEquals("https://pim.example.com/a", after.getString("url"));
        assertFalse(after.containsKey("disabledReason"));
        assertEquals(created.getString("signingSecret"), admin.get("webhooks/" + id + "/secret").json().getString("signingSecret"));
        assertEquals(404, admin.get("webhooks/wh_SOMEBODYELSE").status());
    }

    @Test
    void leftOutWriteOnlySecretsKeepTheirStoredValue() throws SQLException {
        String password = "basic-pw-" + UUID.randomUUID();
        JsonObject created = create(webhook("Basic", """
                "hostname": "pim.example.com", "auth": {"type": "basic", "username": "dam", "password": "%s"}""".formatted(password)));
        String id = created.getString("id");
        JsonObject got = admin.get("webhooks/" + id).json();
        assertEquals(Json.createObjectBuilder().add("type", "basic").add("username", "dam").build(), got.getJsonObject("auth"));

        // the GET's document, name changed, no password: accepted, the password not required again
        Api.Reply renamed = admin.put("webhooks/" + id, with(got, "name", Json.createValue("Basic renamed")).toString());
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals(password, stored(id).get("auth_password"), "the stored password still decrypts to the old one");

        String token = "bearer-token-" + UUID.randomUUID();
        JsonObject bearer = Json.createObjectBuilder(renamed.json())
                .add("auth", Json.createObjectBuilder().add("type", "bearer").add("token", token)).build();
        assertEquals(200, admin.put("webhooks/" + id, bearer.toString()).status());
        JsonObject again = admin.get("webhooks/" + id).json();
        assertEquals(200, admin.put("webhooks/" + id, with(again, "active", JsonValue.FALSE).toString()).status());
        assertEquals(token, stored(id).get("auth_token"));
        assertNull(stored(id).get("auth_password"), "a secret of the former auth type is not kept");
    }

    @Test
    void aPutMovingTheTargetWithoutItsSecretsIs400NamingThemAndChangesNothing() throws SQLException {
        String password = "basic-pw-" + UUID.randomUUID();
        String id = create(webhook("Moved", """
                "hostname": "pim.example.com", "auth": {"type": "basic", "username": "dam", "password": "%s"}""".formatted(password))).getString("id");
        JsonObject got = admin.get("webhooks/" + id).json();
        for (String host : List.of("evil.example.com", "pim.example.com:8443")) {
            Api.Reply moved = admin.put("webhooks/" + id, with(got, "hostname", Json.createValue(host)).toString());
            assertEquals(400, moved.status(), host + ": " + moved);
            assertEquals("auth.password", moved.json().getJsonArray("errors").getJsonObject(0).getString("field"), moved.toString());
        }
        assertEquals(got, admin.get("webhooks/" + id).json(), "a refused PUT changes nothing");
        Api.Reply samePlace = admin.put("webhooks/" + id, with(got, "path", Json.createValue("/other")).toString());
        assertEquals(200, samePlace.status(), "the same host keeps the password: " + samePlace);
        assertEquals(password, stored(id).get("auth_password"));
        JsonObject again = with(samePlace.json(), "hostname", Json.createValue("new.example.com"));
        JsonObject withPassword = Json.createObjectBuilder(again).add("auth", Json.createObjectBuilder(again.getJsonObject("auth"))
                .add("password", "new-" + password)).build();
        assertEquals(200, admin.put("webhooks/" + id, withPassword.toString()).status(), "moved with its password given again");
        assertEquals("new-" + password, stored(id).get("auth_password"));

        String oauth2 = create(webhook("OAuth2", """
                "hostname": "pim.example.com", "auth": {"type": "oauth2", "tokenEndpoint": "https://login.example.com/token",
                "username": "client", "password": "%s"}""".formatted(password))).getString("id");
        JsonObject token = admin.get("webhooks/" + oauth2).json();
        JsonObject endpointMoved = with(token, "auth", Json.createObjectBuilder(token.getJsonObject("auth"))
                .add("tokenEndpoint", "https://evil.example.com/token").build());
        Api.Reply refused = admin.put("webhooks/" + oauth2, endpointMoved.toString());
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("auth.password", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(password, stored(oauth2).get("auth_password"));
    }

    @Test
    void aSecretHeaderIsWriteOnlyEncryptedAtRestAndKeptOnlyWhileTheTargetStays() throws SQLException {
        String apiKey = "api-key-" + UUID.randomUUID();
        Api.Reply created = admin.post("webhooks", webhook("Secret header", """
                "hostname": "pim.example.com",
                "headers": [{"name": "X-Api-Key", "value": "%s", "secret": true}, {"name": "X-Tenant", "value": "acme"}]""".formatted(apiKey)));
        assertEquals(201, created.status(), created.toString());
        String id = created.json().getString("id");
        JsonObject got = admin.get("webhooks/" + id).json();
        for (JsonObject answer : List.of(created.json(), got)) {
            assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "X-Api-Key").add("secret", true))
                    .add(Json.createObjectBuilder().add("name", "X-Tenant").add("value", "acme")).build(), answer.getJsonArray("headers"));
        }
        assertFalse(storedHeaders(id).contains(apiKey), "encrypted at rest: " + storedHeaders(id));
        assertEquals(apiKey, storedSecretHeader(id), "decrypts to the value given");

        assertEquals(200, admin.put("webhooks/" + id, with(got, "name", Json.createValue("Renamed")).toString()).status());
        assertEquals(apiKey, storedSecretHeader(id), "a PUT of the GET's document keeps the value");
        JsonObject renamed = admin.get("webhooks/" + id).json();
        Api.Reply moved = admin.put("webhooks/" + id, with(renamed, "hostname", Json.createValue("evil.example.com")).toString());
        assertEquals(400, moved.status(), moved.toString());
        assertEquals("headers[0].value", moved.json().getJsonArray("errors").getJsonObject(0).getString("field"), moved.toString());
        assertEquals(apiKey, storedSecretHeader(id));
        JsonObject given = Json.createObjectBuilder(renamed).add("hostname", "new.example.com").add("headers", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "X-Api-Key").add("value", "new-" + apiKey).add("secret", true))).build();
        Api.Reply again = admin.put("webhooks/" + id, given.toString());
        assertEquals(200, again.status(), again.toString());
        assertFalse(again.body().contains(apiKey), again.body());
        assertEquals("new-" + apiKey, storedSecretHeader(id));
    }

    private String storedHeaders(String id) throws SQLException {
        try (Connection connection = database();
             PreparedStatement query = connection.prepareStatement("SELECT headers FROM webhook WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no row for " + id);
                return row.getString(1);
            }
        }
    }

    /** The stored value of the webhook's secret header, decrypted under the deployment's key. */
    private String storedSecretHeader(String id) throws SQLException {
        var headers = Json.createReader(new java.io.StringReader(storedHeaders(id))).readArray();
        JsonObject secret = headers.stream().map(JsonValue::asJsonObject).filter(h -> h.getBoolean("secret", false)).findFirst().orElseThrow();
        assertTrue(secret.getString("value").startsWith("v1:"), "stored encrypted");
        return cipher().decrypt(secret.getString("value"));
    }

    @Test
    void aStaleVersionIs409() {
        String id = create(webhook("Locked", "\"hostname\": \"pim.example.com\"")).getString("id");
        JsonObject first = admin.get("webhooks/" + id).json();
        assertEquals(200, admin.put("webhooks/" + id, with(first, "name", Json.createValue("first")).toString()).status());
        Api.Reply stale = admin.put("webhooks/" + id, with(first, "name", Json.createValue("second")).toString());
        assertEquals(409, stale.status(), stale.toString());
        assertEquals("application/problem+json", stale.mediaType());
        assertEquals(409, stale.json().getInt("status"));
        assertEquals("first", admin.get("webhooks/" + id).json().getString("name"));
        JsonObject unversioned = Json.createObjectBuilder(first).remove("version").add("name", "third").build();
        assertEquals(200, admin.put("webhooks/" + id, unversioned.toString()).status(), "without a version the last write wins");
    }

    @Test
    void theSigningSecretAndItsRotation() throws SQLException {
        JsonObject created = create(webhook("Signed", "\"hostname\": \"pim.example.com\""));
        String id = created.getString("id");
        String original = created.getString("signingSecret");
        Api.Reply secret = admin.get("webhooks/" + id + "/secret");
        assertEquals(200, secret.status());
        assertEquals(Json.createObjectBuilder().add("signingSecret", original).build(), secret.json());

        Api.Reply rotated = admin.post("webhooks/" + id + "/secret/rotate", null);
        assertEquals(200, rotated.status(), rotated.toString());
        String fresh = rotated.json().getString("signingSecret");
        assertTrue(fresh.startsWith("whsec_"));
        assertNotEquals(original, fresh);
        assertEquals(fresh, admin.get("webhooks/" + id + "/secret").json().getString("signingSecret"));

        Map<String, Object> stored = stored(id);
        assertEquals(fresh, stored.get("signing_secret"));
        assertEquals(original, stored.get("previous_signing_secret"), "the old secret keeps signing beside the new one");
        Instant until = (Instant) stored.get("previous_secret_until");
        Duration grace = Duration.between(Instant.now(), until);
        assertTrue(grace.compareTo(Duration.ofHours(23)) > 0 && grace.compareTo(Duration.ofHours(24)) <= 0, grace.toString());

        assertEquals(404, admin.get("webhooks/wh_UNKNOWN/secret").status());
        assertEquals(404, admin.post("webhooks/wh_UNKNOWN/secret/rotate", null).status());
    }

    @Test
    void theLongestValuesTheRulesAcceptFitTheColumns() throws SQLException {
        String password = "é".repeat(512); // 1024 bytes in UTF-8, the most a password may have
        String token = "t".repeat(4096);
        JsonObject oauth2 = create(webhook("n".repeat(200), """
                "hostname": "%s.example.com:65535", "path": "/%s",
                "auth": {"type": "oauth2", "tokenEndpoint": "https://login.example.com/%s", "username": "%s", "password": "%s",
                         "scope": "%s"}""".formatted("h".repeat(63), "p".repeat(1999), "e".repeat(1960), "u".repeat(500), password,
                "s".repeat(500))));
        JsonObject bearer = create(webhook("Bearer", "\"hostname\": \"pim.example.com\", \"auth\": {\"type\": \"bearer\", \"token\": \"" + token + "\"}"));
        assertEquals(password, stored(oauth2.getString("id")).get("auth_password"));
        assertEquals(token, stored(bearer.getString("id")).get("auth_token"));
        assertEquals(400, admin.post("webhooks", webhook("Too long", """
                "hostname": "pim.example.com", "auth": {"type": "basic", "username": "u", "password": "%s"}""".formatted("p".repeat(2000)))).status());
    }

    @Test
    void oneMoreWebhookThanTheLimitIs409() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) ids.add(create(webhook("Limit " + i, "\"hostname\": \"pim.example.com\"")).getString("id"));
        Api.Reply tooMany = admin.post("webhooks", webhook("One too many", "\"hostname\": \"pim.example.com\""));
        assertEquals(409, tooMany.status(), tooMany.toString());
        assertEquals("application/problem+json", tooMany.mediaType());
        assertTrue(tooMany.json().getString("detail").contains("webhooks.limit"), tooMany.toString());
        assertEquals(LIMIT, admin.get("webhooks").array().size());
        assertEquals(204, admin.delete("webhooks/" + ids.get(0)).status());
        assertEquals(201, admin.post("webhooks", webhook("In its place", "\"hostname\": \"pim.example.com\"")).status());
    }

    @Test
    void secretsAppearInNoResponseAfterCreationAndNowhereInTheStoredBytes() throws SQLException {
        String marker = "stored-marker-" + UUID.randomUUID();
        String password = "basic-pw-" + UUID.randomUUID();
        String token = "bearer-token-" + UUID.randomUUID();
        String invalidPassword = "refused-pw-" + UUID.randomUUID();
        Api.Reply refused = admin.post("webhooks", webhook(marker, """
                "hostname": "10.0.0.1", "auth": {"type": "basic", "username": "dam", "password": "%s"}""".formatted(invalidPassword)));
        assertEquals(400, refused.status());
        assertFalse(refused.body().contains(invalidPassword), "an error answer does not echo the password");

        String apiKey = "header-key-" + UUID.randomUUID();
        JsonObject basic = create(webhook(marker, """
                "hostname": "pim.example.com", "auth": {"type": "basic", "username": "dam", "password": "%s"},
                "headers": [{"name": "X-Api-Key", "value": "%s", "secret": true}]""".formatted(password, apiKey)));
        JsonObject bearer = create(webhook(marker + "-bearer", """
                "hostname": "pim.example.com", "auth": {"type": "bearer", "token": "%s"}""".formatted(token)));
        assertFalse(basic.toString().contains(password), "not even in the creation answer");
        assertFalse(bearer.toString().contains(token));
        String rotatedAway = bearer.getString("signingSecret");
        String current = admin.post("webhooks/" + bearer.getString("id") + "/secret/rotate", null).json().getString("signingSecret");
        List<String> secrets = List.of(password, token, apiKey, basic.getString("signingSecret"), rotatedAway, current);

        List<Api.Reply> answers = new ArrayList<>(List.of(admin.get("webhooks"),
                admin.get("webhooks/" + basic.getString("id")), admin.get("webhooks/" + bearer.getString("id"))));
        answers.add(admin.put("webhooks/" + basic.getString("id"), answers.get(1).body()));
        for (Api.Reply answer : answers) {
            assertEquals(200, answer.status(), answer.toString());
            for (String secret : secrets) assertFalse(answer.body().contains(secret), "a secret in " + answer);
        }

        try (Connection connection = database();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT auth_password, auth_token, signing_secret, previous_signing_secret FROM webhook")) {
            while (rows.next()) {
                for (int column = 1; column <= 4; column++) {
                    String value = rows.getString(column);
                    if (value == null) continue;
                    assertTrue(value.startsWith("v1:"), "encrypted: " + value);
                    for (String secret : secrets) assertFalse(value.contains(secret));
                }
            }
        }
        Path storage = flushedStorage();
        assertFalse(StoredBytes.filesContaining(storage, marker).isEmpty(), "the scan sees what was stored: the name is there");
        for (String secret : secrets) {
            assertEquals(List.of(), StoredBytes.filesContaining(storage, secret), "stored in plain text: " + secret);
        }
        assertTrue(ServerLog.text().contains("polls every"), "the scan sees the server's log (the dispatcher's start line)");
        List<String> all = new ArrayList<>(secrets);
        all.add(invalidPassword);
        all.add(Deployments.ADMIN_PASSWORD);
        all.add(Deployments.PUBLISHER_PASSWORD);
        assertEquals(List.of(), ServerLog.containing(all), "secrets in the server's log");
    }

    // ---- helpers

    /** A webhook document: a name, a trigger, and {@code parts} (JSON members) for the rest. */
    protected static String webhook(String name, String parts) {
        return "{\"name\": \"" + name + "\", \"triggers\": [{\"event\": \"asset.uploaded\"}], " + parts + "}";
    }

    protected JsonObject create(String document) {
        Api.Reply created = admin.post("webhooks", document);
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    protected static JsonObject with(JsonObject object, String key, JsonValue value) {
        return Json.createObjectBuilder(object).add(key, value).build();
    }

    private static List<String> strings(jakarta.json.JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    /** A webhook's secret columns as the service reads them: decrypted under the deployment's key. */
    protected Map<String, Object> stored(String id) throws SQLException {
        try (Connection connection = database();
             PreparedStatement query = connection.prepareStatement("SELECT auth_password, auth_token, signing_secret, "
                     + "previous_signing_secret, previous_secret_until FROM webhook WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no row for " + id);
                Map<String, Object> columns = new HashMap<>();
                for (String column : List.of("auth_password", "auth_token", "signing_secret", "previous_signing_secret")) {
                    String value = row.getString(column);
                    if (value != null) assertTrue(value.startsWith("v1:"), column + " is stored encrypted");
                    columns.put(column, cipher().decrypt(value));
                }
                OffsetDateTime until = row.getObject("previous_secret_until", OffsetDateTime.class);
                columns.put("previous_secret_until", until == null ? null : until.toInstant());
                return columns;
            }
        }
    }
}
