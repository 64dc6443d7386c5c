package io.damwebhooks.it.support;

import io.damwebhooks.event.control.EventTypes;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every delivery that a test receiver gets (a request with a {@code webhook-id}) is checked against
 * its event type's JSON Schema from the catalog the service serves ({@code GET /api/event-types}), so
 * that no test, whatever it is about, sends a body a validating receiver would reject. A receiver
 * fails its test when it is closed after a body that does not validate.
 */
final class DeliveredBodies {

    private static final EventSchemas SCHEMAS = new EventSchemas(new EventTypes().catalog().toString());
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();

    void check(String webhookId, String body) {
        if (webhookId == null) return; // a token request, a probe: not a delivery
        try {
            var found = SCHEMAS.problems(body);
            if (!found.isEmpty()) problems.add(webhookId + ": " + found + " in " + shortened(body));
        } catch (RuntimeException notJson) {
            problems.add(webhookId + ": not JSON (" + notJson.getMessage() + ") " + shortened(body));
        }
    }

    void assertAllValid() {
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " delivered bodies do not match their event type's schema; first: "
                    + problems.peek());
        }
    }

    private static String shortened(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
