package io.damwebhooks.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The rules every event's constructor applies, in one place. */
final class Checks {

    static final int MAX_ID_LENGTH = 200;

    private Checks() { }

    static String id(String id) {
        if (id != null && (id.isBlank() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("an event id has 1 to " + MAX_ID_LENGTH + " characters, none a control character");
        }
        return id;
    }

    static Instant occurredAt(Instant occurredAt) {
        return occurredAt == null ? Instant.now() : occurredAt;
    }

    /** The outbox keeps an asset's uuid beside each delivery, in a column as wide as an event id. */
    static String uuid(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        if (uuid.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("an asset uuid has at most " + MAX_ID_LENGTH + " characters");
        }
        return uuid;
    }

    static Asset asset(Asset asset) {
        return Objects.requireNonNull(asset, "asset");
    }

    static List<String> list(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
