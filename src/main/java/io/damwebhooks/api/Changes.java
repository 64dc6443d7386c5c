package io.damwebhooks.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies of changed-value maps: immutable, in the DAM's order. */
final class Changes {

    private Changes() { }

    static Map<String, Change<?>> copy(Map<String, Change<?>> changes) {
        if (changes == null || changes.isEmpty()) return Map.of();
        Map<String, Change<?>> copy = new LinkedHashMap<>();
        changes.forEach((field, change) -> copy.put(field, change == null ? Change.of(null, null) : change));
        return Collections.unmodifiableMap(copy);
    }
}
