package io.damwebhooks.it.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The webhook REST contract, called over HTTP as an admin would. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhooksApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void anAdminCreatesAndListsAWebhook() {
        Api admin = Api.admin(base);
        Api.Reply created = admin.post("webhooks", """
                {"name": "PIM sync", "hostname": "pim.example.com", "path": "/hooks/dam",
                 "triggers": [{"event": "asset.uploaded"}]}""");
        assertEquals(201, created.status(), created.toString());
        assertTrue(created.json().getString("signingSecret").startsWith("whsec_"));
        assertEquals("https://pim.example.com/hooks/dam", created.json().getString("url"));
        assertEquals(200, admin.get("webhooks").status());
    }

    @Test
    void noCredentialsIs401WithAProblemDocument() {
        Api.Reply reply = Api.anonymous(base).get("webhooks");
        assertEquals(401, reply.status());
        assertEquals("application/problem+json", reply.header("Content-Type").split(";")[0]);
    }
}
