package io.damwebhooks.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event-type catalog's JSON Schemas, checked with a standard validator (networknt, draft 2020-12)
 * against bodies a receiver got: what a receiver that validates our bodies would see.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Schema> byType = new HashMap<>();

    /** @param catalog the JSON array {@code GET /api/event-types} answers */
    public EventSchemas(String catalog) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (JsonNode entry : read(catalog)) {
            byType.put(entry.get("type").asText(), registry.getSchema(entry.get("schema")));
        }
    }

    public java.util.Set<String> types() {
        return byType.keySet();
    }

    /** What is wrong with a delivered body, by its own {@code type}; empty when it validates. */
    public List<String> problems(String body) {
        JsonNode node = read(body);
        Schema schema = byType.get(node.path("type").asText());
        if (schema == null) return List.of("no schema for type " + node.path("type"));
        return schema.validate(node).stream().map(Error::toString).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
