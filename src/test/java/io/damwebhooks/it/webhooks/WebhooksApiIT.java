package io.damwebhooks.it.webhooks;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.security.control.SecretCipher;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The webhook REST contract over HTTP on the default database, an H2 file, as an admin and others
 * call it: {@link WebhooksContract}'s tests plus authentication, every 400 rule, unreadable bodies,
 * OpenAPI and readiness. The H2 file runs in {@code AUTO_SERVER} mode so that the test reads the same
 * database the server writes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhooksApiIT extends WebhooksContract {

    private static Path home;
    private static String url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        home = Deployments.freshHome();
        url = "jdbc:h2:file:" + home.resolve("webhooks") + ";AUTO_SERVER=TRUE";
        // this class tries wrong passwords on every endpoint, more than the throttle allows (LoginThrottleIT proves that)
        return Deployments.war(Map.of("webhooks.home", home.toString(), "webhooks.db.url", url,
                "webhooks.limit", String.valueOf(LIMIT), "webhooks.security.login.failures-per-user", "100"));
    }

    @Override
    protected Connection database() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    protected SecretCipher cipher() {
        try {
            // no webhooks.secrets.key configured: the service generated one into its home
            return new SecretCipher(Base64.getDecoder().decode(Files.readString(home.resolve("secrets.key")).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Path flushedStorage() throws SQLException {
        try (Connection connection = database()) {
            connection.createStatement().execute("CHECKPOINT SYNC");
        }
        return home;
    }

    @Test
    void everyWebhooksEndpointAnswers401WithoutOrWithWrongCredentialsAnd403ToThePublisher() {
        String id = create(webhook("Guarded", "\"hostname\": \"pim.example.com\"")).getString("id");
        String document = admin.get("webhooks/" + id).body();
        List<String[]> endpoints = List.of(new String[]{"GET", "webhooks"}, new String[]{"POST", "webhooks"},
                new String[]{"GET", "webhooks/" + id}, new String[]{"PUT", "webhooks/" + id},
                new String[]{"DELETE", "webhooks/" + id}, new String[]{"GET", "webhooks/" + id + "/secret"},
                new String[]{"POST", "webhooks/" + id + "/secret/rotate"}, new String[]{"GET", "target-policy"});
        Map<String, Api> callers = new LinkedHashMap<>();
        callers.put("anonymous", Api.anonymous(base));
        callers.put("wrong password", Api.as(base, Deployments.ADMIN, "wrong"));
        callers.put("unknown user", Api.as(base, "mallory", Deployments.ADMIN_PASSWORD));
        callers.put("publisher", Api.publisher(base));
        List<Executable> checks = new ArrayList<>();
        for (String[] endpoint : endpoints) {
            String body = endpoint[0].equals("PUT") || endpoint[0].equals("POST") && endpoint[1].equals("webhooks") ? document : null;
            callers.forEach((who, api) -> {
                Api.Reply reply = api.send(endpoint[0], endpoint[1], body);
                int expected = who.equals("publisher") ? 403 : 401;
                checks.add(() -> assertEquals(expected, reply.status(), who + " " + endpoint[0] + " " + endpoint[1] + ": " + reply));
                checks.add(() -> assertEquals("application/problem+json", reply.mediaType(), who + " " + endpoint[0] + " " + endpoint[1]));
                checks.add(() -> assertEquals(expected, reply.json().getInt("status")));
                if (expected == 401) checks.add(() -> assertTrue(reply.header("WWW-Authenticate").startsWith("Basic ")));
            });
        }
        assertAll(checks);
        assertEquals(200, admin.get("webhooks/" + id).status(), "nobody but the admin deleted it");
        assertEquals(1, admin.get("webhooks").array().size(), "nobody but the admin created one");
    }

    @Test
    void everyInvalidFieldIsA400ProblemNamingIt() {
        Map<String, String> cases = new LinkedHashMap<>();
        String eleven = "[" + String.join(",", java.util.Collections.nCopies(11, "{\"name\": \"X-A\", \"value\": \"v\"}")) + "]";
        cases.put("\"hostname\": \"pim.example.com\", \"headers\": " + eleven, "headers");
        cases.put("\"hostname\": \"pim.example.com\", \"headers\": [{\"name\": \"X Tenant\", \"value\": \"v\"}]", "headers[0].name");
        cases.put("\"hostname\": \"pim.example.com\", \"headers\": [{\"name\": \"webhook-signature\", \"value\": \"v\"}]", "headers[0].name");
        cases.put("\"hostname\": \"pim.example.com\", \"headers\": [{\"name\": \"Authorization\", \"value\": \"v\"}]", "headers[0].name");
        cases.put("\"hostname\": \"pim.example.com\", \"headers\": [{\"name\": \"X-A\", \"value\": \"a\\r\\nX-B: c\"}]", "headers[0].value");
        cases.put("\"hostname\": \"pim.example.com\", \"fields\": [\"file.nonsense\"]", "fields[0]");
        cases.put("\"hostname\": \"pim.example.com\", \"scheme\": \"http\"", "scheme");
        cases.put("\"url\": \"http://pim.example.com/hooks\"", "url");
        cases.put("\"url\": \"https://10.0.0.1/hooks\"", "url");
        cases.put("\"hostname\": \"pim..example.com\"", "hostname");
        cases.put("\"hostname\": \"pim.example.com:99999\"", "hostname");
        cases.put("\"hostname\": \"pim.example.com:http\"", "hostname");
        for (String literal : List.of("127.0.0.1", "localhost", "[::1]", "2130706433", "0x7f000001", "127.1", "0177.0.0.1",
                "0.0.0.0", "[::ffff:127.0.0.1]", "169.254.169.254", "10.0.0.1", "172.16.0.1", "192.168.1.1", "100.64.0.1",
                "[fc00::1]", "[fe80::1]", "[::]")) {
            cases.put("\"hostname\": \"" + literal + "\"", "hostname");
        }
        cases.put("\"hostname\": \"pim.example.com\", \"auth\": {\"type\": \"basic\", \"username\": \"dam\"}", "auth.password");
        cases.put("\"hostname\": \"pim.example.com\", \"auth\": {\"type\": \"bearer\"}", "auth.token");
        cases.put("\"hostname\": \"pim.example.com\", \"auth\": {\"type\": \"oauth2\", \"tokenEndpoint\": \"http://login.example.com/t\","
                + " \"username\": \"c\", \"password\": \"s\"}", "auth.tokenEndpoint");
        cases.put("\"hostname\": \"pim.example.com\", \"auth\": {\"type\": \"oauth2\", \"username\": \"c\", \"password\": \"s\"}",
                "auth.tokenEndpoint");
        cases.put("\"hostname\": \"pim.example.com\", \"auth\": {\"type\": \"magic\"}", "auth.type");

        List<Executable> checks = new ArrayList<>();
        cases.forEach((parts, field) -> checks.add(() -> assertProblemNaming(admin.post("webhooks", webhook("Invalid", parts)), field, parts)));
        checks.add(() -> assertProblemNaming(admin.post("webhooks",
                "{\"name\": \"n\", \"hostname\": \"pim.example.com\", \"triggers\": [{\"event\": \"asset.exploded\"}]}"),
                "triggers[0].event", "unknown event"));
        checks.add(() -> assertProblemNaming(admin.post("webhooks",
                "{\"name\": \"n\", \"hostname\": \"pim.example.com\", \"triggers\": [{\"event\": \"asset.uploaded\", \"field\": \"status\"}]}"),
                "triggers[0].field", "field on asset.uploaded"));
        checks.add(() -> assertProblemNaming(admin.post("webhooks", "{\"name\": \"n\", \"hostname\": \"pim.example.com\"}"),
                "triggers", "no triggers"));
        checks.add(() -> assertProblemNaming(admin.post("webhooks", "{\"hostname\": \"pim.example.com\", \"triggers\": [{\"event\": \"asset.uploaded\"}]}"),
                "name", "no name"));
        assertAll(checks);
        assertEquals(0, admin.get("webhooks").array().size(), "nothing invalid was stored");

        // the same rules on a PUT, and a refused PUT changes nothing
        JsonObject created = create(webhook("Valid", "\"hostname\": \"pim.example.com\""));
        JsonObject got = admin.get("webhooks/" + created.getString("id")).json();
        assertProblemNaming(admin.put("webhooks/" + created.getString("id"), with(got, "hostname", jakarta.json.Json.createValue("169.254.169.254")).toString()),
                "hostname", "PUT");
        assertEquals(got, admin.get("webhooks/" + created.getString("id")).json());
    }

    @Test
    void unreadableBodiesAre400ProblemsNeverHtmlNor500() {
        String id = create(webhook("Target", "\"hostname\": \"pim.example.com\"")).getString("id");
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("{\"name\": ", null);
        bodies.put("{\"name\": \"a\",}", null);
        bodies.put("not json at all", null);
        bodies.put("[]", null);
        bodies.put("[{\"name\": \"a\"}]", null);
        bodies.put("\"a string\"", null);
        bodies.put("42", null);
        bodies.put("null", "body");
        bodies.put("", null);
        bodies.put("{\"name\": 5}", "name");
        bodies.put("{\"active\": \"yes\"}", "active");
        bodies.put("{\"version\": \"3\"}", "version");
        bodies.put("{\"headers\": {\"X-A\": \"b\"}}", "headers");
        bodies.put("{\"triggers\": \"asset.uploaded\"}", "triggers");
        bodies.put("{\"fields\": \"file.name\"}", "fields");
        bodies.put("{\"auth\": \"basic\"}", "auth");
        bodies.put("{\"auth\": {\"type\": [\"basic\"]}}", "auth.type");
        bodies.put("{\"triggers\": [{\"event\": 5}]}", "triggers.event");
        bodies.put("{\"bogus\": 1}", "bogus");
        bodies.put("{\"name\": \"n\", \"hostname\": \"pim.example.com\", \"triggers\": [{\"event\": \"asset.uploaded\"}], \"Triggers\": []}", "Triggers");
        List<Executable> checks = new ArrayList<>();
        bodies.forEach((body, field) -> {
            for (String[] call : List.of(new String[]{"POST", "webhooks"}, new String[]{"PUT", "webhooks/" + id})) {
                Api.Reply reply = admin.send(call[0], call[1], body);
                String what = call[0] + " " + body + ": " + reply;
                checks.add(() -> assertEquals(400, reply.status(), what));
                checks.add(() -> assertEquals("application/problem+json", reply.mediaType(), what));
                checks.add(() -> assertEquals(400, reply.json().getInt("status"), what));
                if (field != null) {
                    checks.add(() -> assertTrue(reply.json().getJsonArray("errors").stream()
                            .anyMatch(e -> e.asJsonObject().getString("field").equals(field)), what));
                }
                checks.add(() -> assertFalse(reply.body().contains("Exception") || reply.body().contains("io.damwebhooks"),
                        "no class names: " + what));
            }
        });
        Api.Reply text = admin.send("POST", "webhooks", "name=x", "text/plain");
        checks.add(() -> assertEquals(415, text.status(), text.toString()));
        checks.add(() -> assertEquals("application/problem+json", text.mediaType(), text.toString()));
        Api.Reply method = admin.send("PATCH", "webhooks/" + id, "{}");
        checks.add(() -> assertEquals(405, method.status(), method.toString()));
        checks.add(() -> assertEquals("application/problem+json", method.mediaType(), method.toString()));
        assertAll(checks);
        assertEquals(1, admin.get("webhooks").array().size());
    }

    @Test
    void theTargetPolicySaysWhatThisServerAccepts() {
        // this deployment keeps the defaults: https and public addresses only (the console offers no http:// then)
        Api.Reply policy = admin.get("target-policy");
        assertEquals(200, policy.status(), policy.toString());
        assertFalse(policy.json().getBoolean("allowHttp"));
        assertFalse(policy.json().getBoolean("allowPrivateNetworks"));
    }

    @Test
    void openApiDocumentsEveryWebhooksOperation() {
        Api.Reply reply = Api.serverGet(base, "/openapi", "application/json");
        assertEquals(200, reply.status(), reply.toString());
        JsonObject paths = reply.json().getJsonObject("paths");
        Map<String, List<String>> expected = Map.of(
                "/api/webhooks", List.of("get", "post"),
                "/api/webhooks/{id}", List.of("get", "put", "delete"),
                "/api/webhooks/{id}/secret", List.of("get"),
                "/api/webhooks/{id}/secret/rotate", List.of("post"));
        expected.forEach((path, methods) -> {
            assertTrue(paths.containsKey(path), path + " in " + paths.keySet());
            for (String method : methods) {
                JsonObject operation = paths.getJsonObject(path).getJsonObject(method);
                assertTrue(operation != null && operation.containsKey("summary"), method + " " + path);
            }
        });
        JsonObject schemas = reply.json().getJsonObject("components").getJsonObject("schemas");
        JsonObject auth = schemas.getJsonObject("Auth").getJsonObject("properties");
        assertEquals(JsonValue.TRUE, auth.getJsonObject("password").get("writeOnly"));
        assertEquals(JsonValue.TRUE, auth.getJsonObject("token").get("writeOnly"));
        JsonObject webhook = schemas.getJsonObject("Webhook").getJsonObject("properties");
        for (String property : List.of("id", "name", "hostname", "path", "url", "auth", "headers", "triggers", "fields", "version")) {
            assertTrue(webhook.containsKey(property), property);
        }
        assertTrue(paths.getJsonObject("/api/webhooks").getJsonObject("post").getJsonObject("responses").containsKey("201"));
    }

    @Test
    void readinessIncludesTheDatabase() {
        Api.Reply reply = Api.serverGet(base, "/health/ready", "application/json");
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("UP", reply.json().getString("status"));
        Map<String, String> checks = reply.json().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
        assertEquals("UP", checks.get("database"), checks.toString());
    }

    private static void assertProblemNaming(Api.Reply reply, String field, String what) {
        assertEquals(400, reply.status(), what + ": " + reply);
        assertEquals("application/problem+json", reply.mediaType(), what);
        List<String> fields = reply.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
        assertTrue(fields.contains(field), what + ": expected " + field + " in " + fields);
    }
}
