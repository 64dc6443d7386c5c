package io.damwebhooks.webhook.control;

/** Where a webhook POSTs: {@code scheme://hostname path}, the hostname with its optional port. */
public record Target(String scheme, String hostname, String path) {

    public String url() {
        return scheme + "://" + hostname + path;
    }

    /**
     * Whether both send to the same scheme, host and port (the default port written or not): where a
     * delivery's credentials go. The path does not count.
     */
    public boolean sameOrigin(String otherScheme, String otherHostname) {
        return scheme != null && hostname != null && otherScheme != null && otherHostname != null
                && origin(scheme, hostname).equals(origin(otherScheme, otherHostname));
    }

    private static String origin(String scheme, String hostname) {
        String s = scheme.toLowerCase(java.util.Locale.ROOT);
        String h = hostname.toLowerCase(java.util.Locale.ROOT);
        boolean hasPort = h.lastIndexOf(':') > h.lastIndexOf(']');
        return s + "://" + (hasPort ? h : h + ":" + (s.equals("http") ? 80 : 443));
    }
}
