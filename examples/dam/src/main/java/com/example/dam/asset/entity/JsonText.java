package com.example.dam.asset.entity;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists and maps as JSON text in one column: the sample keeps to one table. */
final class JsonText {

    private static final Jsonb JSON = JsonbBuilder.create();

    private JsonText() { }

    static String of(Object value) {
        return JSON.toJson(value);
    }

    @SuppressWarnings("unchecked")
    static List<String> list(String json) {
        return JSON.fromJson(json, new ArrayList<String>() { }.getClass().getGenericSuperclass());
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> map(String json) {
        return JSON.fromJson(json, new LinkedHashMap<String, String>() { }.getClass().getGenericSuperclass());
    }
}
