package io.damwebhooks.webhook.entity;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import java.lang.reflect.Type;

/**
 * A small value list kept as JSON text in one column. A webhook's headers, triggers and fields are
 * always read and written with it, never queried one by one, so a table each would buy nothing.
 */
abstract class JsonColumn<T> implements AttributeConverter<T, String> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private final Type type;

    JsonColumn(Type type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        return JSONB.toJson(value, type);
    }

    @Override
    public T convertToEntityAttribute(String column) {
        return JSONB.fromJson(column, type);
    }
}
