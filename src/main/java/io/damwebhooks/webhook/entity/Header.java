package io.damwebhooks.webhook.entity;

import jakarta.json.bind.annotation.JsonbCreator;

/**
 * A custom header sent with every delivery of a webhook. A secret one ({@code secret} true, an API key
 * say) has its value encrypted at rest ({@link HeadersColumn}) and never returned by the API; for the
 * others {@code secret} is null, as in the rows written before secret headers existed.
 */
public record Header(String name, String value, Boolean secret) {

    /** The one JSON-B reads the column with: a record with two constructors needs it named. */
    @JsonbCreator
    public Header {
    }

    public Header(String name, String value) {
        this(name, value, null);
    }

    /** Whether the value is write-only (a static method: JSON-B takes an instance {@code isSecret()} for a property). */
    public static boolean isSecret(Header header) {
        return Boolean.TRUE.equals(header.secret());
    }
}
