package io.damwebhooks.webhook.boundary;

import io.damwebhooks.webhook.entity.Header;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A custom header as the API reads and writes it. A secret one is write-only: answers show its name and
 * {@code "secret": true}, never its value; a PUT that leaves the value out keeps the stored one.
 */
@JsonbPropertyOrder({"name", "value", "secret"})
public class HeaderJson {

    public String name;
    public String value;
    public Boolean secret;

    static HeaderJson of(Header header) {
        HeaderJson json = new HeaderJson();
        json.name = header.name();
        if (Header.isSecret(header)) json.secret = true;
        else json.value = header.value();
        return json;
    }

    boolean marksSecret() {
        return Boolean.TRUE.equals(secret);
    }
}
