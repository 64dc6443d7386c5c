package io.damwebhooks.webhook.control;

/** Where a webhook POSTs: {@code scheme://hostname path}, the hostname with its optional port. */
public record Target(String scheme, String hostname, String path) {

    public String url() {
        return scheme + "://" + hostname + path;
    }
}
