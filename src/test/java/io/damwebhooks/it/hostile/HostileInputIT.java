package io.damwebhooks.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile bodies and paths against the running service: each gets a 4xx problem document — never a
 * 500, never a stack trace — and the service keeps serving.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @AfterEach
    void stillServing() {
        assertEquals(200, Api.admin(base).get("webhooks").status(), "the service keeps serving");
    }

    @Test
    void fiveMebibyteBodiesAre413() {
        byte[] huge = ("{\"id\":\"big\",\"type\":\"asset.uploaded\",\"asset\":{\"uuid\":\"u\",\"name\":\""
                + "a".repeat(5 * 1024 * 1024) + "\"}}").getBytes(StandardCharsets.UTF_8);
        assertProblem(413, Api.publisher(base).send("POST", "events", huge));
        assertProblem(413, Api.admin(base).send("POST", "webhooks", huge));
    }

    @Test
    void deeplyNestedArraysAre400() {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        assertProblem(400, Api.publisher(base).post("events", "{\"type\":\"asset.uploaded\",\"asset\":{\"uuid\":\"u\",\"meta\":{\"custom\":{\"x\":" + nested + "}}}}"));
        assertProblem(400, Api.admin(base).post("webhooks", "{\"name\":" + nested + "}"));
    }

    @Test
    void invalidUtf8Is400() {
        byte[] broken = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        assertProblem(400, Api.admin(base).send("POST", "webhooks", broken));
        assertProblem(400, Api.publisher(base).send("POST", "events", broken));
    }

    @Test
    void wrongJsonTypesAre400() {
        for (String body : List.of("[]", "42", "\"text\"", "null", "{\"name\":true}", "{\"triggers\":{}}", "{\"headers\":\"x\"}")) {
            assertProblem(400, Api.admin(base).post("webhooks", body));
        }
        for (String body : List.of("[]", "{\"type\":5,\"asset\":{\"uuid\":\"u\"}}", "{\"type\":\"asset.uploaded\",\"asset\":[]}")) {
            assertProblem(400, Api.publisher(base).post("events", body));
        }
    }

    @Test
    void injectionShapedIdsAndPathsFindNothingAndBreakNothing() {
        Api admin = Api.admin(base);
        for (String path : List.of("webhooks/'%20OR%20'1'='1", "webhooks/1;DROP%20TABLE%20webhook", "webhooks/%3Cscript%3E",
                "deliveries/'%20OR%201=1--", "webhooks/..%252F..%252Fetc%252Fpasswd")) {
            Api.Reply reply = admin.get(path);
            assertTrue(reply.status() >= 400 && reply.status() < 500, path + " → " + reply);
            assertNoStackTrace(reply);
        }
        Api.Reply event = Api.publisher(base).post("events", """
                {"id": "'; DROP TABLE webhook; --", "type": "asset.uploaded",
                 "asset": {"uuid": "<script>alert(1)</script>", "name": "\\u0000.jpg", "path": "../../etc/passwd"}}""");
        assertEquals(202, event.status(), event.toString());
    }

    private static void assertProblem(int status, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.body().length() > 300 ? reply.body().substring(0, 300) : reply.body());
        assertEquals("application/problem+json", reply.header("Content-Type").split(";")[0]);
        assertNoStackTrace(reply);
    }

    private static void assertNoStackTrace(Api.Reply reply) {
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat ") || reply.body().contains("<html"),
                reply.body());
    }
}
