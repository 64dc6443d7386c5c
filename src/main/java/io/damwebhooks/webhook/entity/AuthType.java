package io.damwebhooks.webhook.entity;

import java.util.Arrays;
import java.util.Optional;

/** How deliveries authenticate at the receiver. */
public enum AuthType {
    NONE("none"), BASIC("basic"), OAUTH2("oauth2"), BEARER("bearer");

    private final String wireName;

    AuthType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AuthType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
