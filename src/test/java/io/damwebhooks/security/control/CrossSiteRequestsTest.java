package io.damwebhooks.security.control;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CrossSiteRequestsTest {

    private final CrossSiteRequests rules = new CrossSiteRequests(Set.of("https://dam.example.com"));

    @Test
    void toolsSendNeitherHeaderAndPass() {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            assertNull(rules.refusal(method, null, null, "127.0.0.1:8080"), method);
        }
    }

    @Test
    void aBrowserSaysWhereARequestComesFromAndOnlyItsOwnPagesPass() {
        assertNull(rules.refusal("POST", "same-origin", "http://127.0.0.1:8080", "127.0.0.1:8080"));
        assertNull(rules.refusal("DELETE", "none", null, "127.0.0.1:8080"));
        assertNotNull(rules.refusal("POST", "cross-site", "http://evil.example", "127.0.0.1:8080"));
        assertNotNull(rules.refusal("POST", "same-site", "http://127.0.0.1:9999", "127.0.0.1:8080"), "another port's page");
        assertNotNull(rules.refusal("DELETE", "cross-site", null, "127.0.0.1:8080"), "no Origin, still a browser's word");
        assertNotNull(rules.refusal("POST", "Cross-Site", "http://127.0.0.1:8080", "127.0.0.1:8080"), "the browser decides");
    }

    @Test
    void withoutSecFetchSiteTheOriginMustBeTheServicesOwn() {
        assertNull(rules.refusal("POST", null, "http://127.0.0.1:8080", "127.0.0.1:8080"));
        assertNull(rules.refusal("PUT", null, "https://webhooks.example.com", "webhooks.example.com"), "TLS ended at a proxy");
        assertNull(rules.refusal("PUT", null, "http://WEBHOOKS.example.com:80", "webhooks.example.com"));
        assertNotNull(rules.refusal("POST", null, "http://evil.example", "127.0.0.1:8080"));
        assertNotNull(rules.refusal("POST", null, "http://127.0.0.1:9999", "127.0.0.1:8080"));
        assertNotNull(rules.refusal("POST", null, "null", "127.0.0.1:8080"), "a sandboxed frame");
        assertNotNull(rules.refusal("POST", null, "http://127.0.0.1:8080", null));
        assertNotNull(rules.refusal("DELETE", null, "file://", "127.0.0.1:8080"));
    }

    @Test
    void readingIsNeverRefusedAndTrustedOriginsPass() {
        assertNull(rules.refusal("GET", "cross-site", "http://evil.example", "127.0.0.1:8080"));
        assertNull(rules.refusal("HEAD", "cross-site", null, "127.0.0.1:8080"));
        assertNull(rules.refusal("POST", "cross-site", "https://dam.example.com:443", "127.0.0.1:8080"));
        assertNotNull(rules.refusal("POST", "cross-site", "http://dam.example.com", "127.0.0.1:8080"), "http is another origin");
    }
}
