package io.damwebhooks.platform.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * JSON-B converts leniently ({@code "yes"} becomes {@code false}, {@code 5} becomes {@code "5"}); the
 * API does not: a value of the wrong JSON type is a 400 that names the property.
 */
final class StrictTypes {

    private StrictTypes() { }

    static final class Strings implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            expect(parser, JsonParser.Event.VALUE_STRING, "a string");
            return parser.getString();
        }
    }

    static final class Booleans implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonParser.Event event = parser.currentEvent();
            if (event == JsonParser.Event.VALUE_TRUE) return true;
            if (event == JsonParser.Event.VALUE_FALSE) return false;
            throw new JsonbException("expected true or false");
        }
    }

    static final class Longs implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            expect(parser, JsonParser.Event.VALUE_NUMBER, "a number");
            if (!parser.isIntegralNumber()) throw new JsonbException("expected a whole number");
            return parser.getLong();
        }
    }

    private static void expect(JsonParser parser, JsonParser.Event expected, String what) {
        if (parser.currentEvent() != expected) throw new JsonbException("expected " + what);
    }
}
