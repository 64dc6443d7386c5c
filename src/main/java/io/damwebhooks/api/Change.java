package io.damwebhooks.api;

/**
 * One changed value: receivers get it as {@code {"old": …, "new": …}}. Either side may be null (a
 * metadata field that was added or removed).
 *
 * @param oldValue the value before the change
 * @param newValue the value after it
 */
public record Change<T>(T oldValue, T newValue) {

    public static <T> Change<T> of(T oldValue, T newValue) {
        return new Change<>(oldValue, newValue);
    }
}
