package io.damwebhooks.delivery.send;

import java.io.IOException;

/** The OAuth2 token endpoint gave no token; the message becomes the attempt's error. */
public class TokenFailure extends IOException {
    public TokenFailure(String message) {
        super(message);
    }
}
