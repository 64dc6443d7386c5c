package io.damwebhooks.event.boundary;

import io.damwebhooks.platform.control.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed values out of a parsed JSON object and collects what is wrong, each error naming its
 * field by path ({@code asset.width}, {@code changes.tags.new[2]}), so that one answer lists them all.
 */
final class JsonFields {

    final List<FieldError> errors = new ArrayList<>();

    void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Names every property not in {@code known}: a misspelt one must not be dropped silently. */
    void onlyKnown(JsonObject object, String path, Set<String> known) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) error(path(path, key), "not a known property");
        }
    }

    String string(JsonObject object, String path, String key) {
        JsonValue value = object.get(key);
        if (isNull(value)) return null;
        if (value instanceof JsonString s) return s.getString();
        error(path(path, key), "must be a string");
        return null;
    }

    Long wholeNumber(JsonObject object, String path, String key, long max) {
        JsonValue value = object.get(key);
        if (isNull(value)) return null;
        if (value instanceof JsonNumber n && n.isIntegral() && n.bigIntegerValue().signum() >= 0
                && n.bigIntegerValue().bitLength() < 64 && n.longValue() <= max) {
            return n.longValue();
        }
        error(path(path, key), max == Long.MAX_VALUE ? "must be a whole number of at least 0"
                : "must be a whole number from 0 to " + max);
        return null;
    }

    Double number(JsonObject object, String path, String key) {
        JsonValue value = object.get(key);
        if (isNull(value)) return null;
        if (value instanceof JsonNumber n && n.doubleValue() >= 0 && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        error(path(path, key), "must be a number of at least 0");
        return null;
    }

    /** The object under {@code key}; an empty one when absent or null. */
    JsonObject object(JsonObject object, String path, String key) {
        JsonValue value = object.get(key);
        if (isNull(value)) return JsonValue.EMPTY_JSON_OBJECT;
        if (value instanceof JsonObject o) return o;
        error(path(path, key), "must be an object");
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    List<String> strings(JsonObject object, String path, String key) {
        JsonValue value = object.get(key);
        if (isNull(value)) return List.of();
        if (!(value instanceof JsonArray array)) {
            error(path(path, key), "must be an array of strings");
            return List.of();
        }
        List<String> strings = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString s) strings.add(s.getString());
            else error(path(path, key) + "[" + i + "]", "must be a string");
        }
        return strings;
    }

    /** A JSON object as plain Java maps, lists, strings, numbers, booleans and nulls, in document order. */
    static Map<String, Object> toJava(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((key, value) -> map.put(key, toJava(value)));
        return map;
    }

    static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> number((JsonNumber) value);
            case OBJECT -> toJava(value.asJsonObject());
            case ARRAY -> value.asJsonArray().stream().map(JsonFields::toJava).toList();
        };
    }

    // whole numbers as Long where they fit, so that 5 is 5 and not 5.0; anything else exactly as written
    private static Object number(JsonNumber number) {
        if (number.isIntegral()) {
            return number.bigIntegerValue().bitLength() < 64 ? (Object) number.longValue() : number.bigIntegerValue();
        }
        return number.bigDecimalValue();
    }

    static boolean isNull(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    static String path(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
