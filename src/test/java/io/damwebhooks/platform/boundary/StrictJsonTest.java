package io.damwebhooks.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.damwebhooks.webhook.boundary.WebhookJson;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private final Jsonb jsonb = new StrictJson().getContext(WebhookJson.class);

    @Test
    void wrongTypesAndUnknownPropertiesAreRefusedNamingTheProperty() {
        assertEquals("active", property("{\"active\":\"yes\"}"));
        assertEquals("name", property("{\"name\":5}"));
        assertEquals("version", property("{\"version\":\"3\"}"));
        assertEquals("bogus", property("{\"bogus\":1}"));
    }

    @Test
    void aNestedPropertyIsNamedByItsPath() {
        assertEquals("auth.type", property("{\"auth\":{\"type\":[\"a\"]}}"));
        assertEquals("triggers.event", property("{\"triggers\":[{\"event\":5}]}"));
        assertEquals("triggers.bogus", property("{\"triggers\":[{\"bogus\":5}]}"));
        assertEquals("headers.value", property("{\"headers\":[{\"name\":\"a\",\"value\":{}}]}"));
    }

    @Test
    void nullsAndRightTypesAreRead() {
        WebhookJson json = jsonb.fromJson("{\"name\":\"a\",\"active\":null,\"version\":3}", WebhookJson.class);
        assertEquals("a", json.name);
        assertNull(json.active);
        assertEquals(3L, json.version);
    }

    private String property(String body) {
        JsonbException e = assertThrows(JsonbException.class, () -> jsonb.fromJson(body, WebhookJson.class));
        return UnreadableBodyMapper.property(e);
    }
}
