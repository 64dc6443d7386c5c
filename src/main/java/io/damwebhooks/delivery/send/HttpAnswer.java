package io.damwebhooks.delivery.send;

/** A receiver's (or token endpoint's) status, the first KiB of its body and its Retry-After, if any. */
public record HttpAnswer(int status, String bodyHead, String retryAfter) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
