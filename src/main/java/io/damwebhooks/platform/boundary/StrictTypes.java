package io.damwebhooks.platform.boundary;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
            JsonValue value = parser.getValue();
            if (value.getValueType() == JsonValue.ValueType.NULL) return null;
            if (value instanceof JsonString string) return string.getString();
            throw new JsonbException("expected a string");
        }
    }

    static final class Booleans implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return switch (parser.getValue().getValueType()) {
                case NULL -> null;
                case TRUE -> true;
                case FALSE -> false;
                default -> throw new JsonbException("expected true or false");
            };
        }
    }

    static final class Longs implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value.getValueType() == JsonValue.ValueType.NULL) return null;
            if (value instanceof JsonNumber number && number.isIntegral()) return number.longValueExact();
            throw new JsonbException("expected a whole number");
        }
    }
}
