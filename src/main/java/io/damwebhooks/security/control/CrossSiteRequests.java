package io.damwebhooks.security.control;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which state-changing requests come from another site's page in a browser, which attaches the Basic
 * credentials it cached for this origin to a form POST or a {@code no-cors} fetch from anywhere. The
 * browser says where a request comes from in headers a page cannot set: {@code Sec-Fetch-Site}
 * (decides when present: only {@code same-origin} and {@code none} pass; {@code same-site} is refused
 * too, as another port or subdomain may host someone else's page) and, from older browsers, {@code Origin}
 * (must be this service's own). Tools send neither and pass. {@code trusted} origins always pass.
 */
public final class CrossSiteRequests {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> trusted;

    public CrossSiteRequests(Set<String> trustedOrigins) {
        this.trusted = trustedOrigins.stream().map(CrossSiteRequests::authority).filter(a -> a != null)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Why the request must be refused, or null when it may go on. {@code host} is its Host header. */
    public String refusal(String method, String fetchSite, String origin, String host) {
        if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) return null;
        String from = origin == null ? null : authority(origin);
        if (from != null && trusted.contains(from)) return null;
        if (fetchSite != null) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            if (site.equals("same-origin") || site.equals("none")) return null;
            return "A " + method + " from a page of another site (Sec-Fetch-Site: " + site + ") is refused.";
        }
        if (origin == null) return null;
        if (from != null && isHost(from, host)) return null;
        return "A " + method + " from a page of another origin is refused.";
    }

    /** {@code scheme://host[:port]} as {@code host:port}, the default port written out; null when not an origin. */
    static String authority(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) return null;
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException notAnOrigin) { // "null", from a sandboxed frame or a redirect, lands here too
            return null;
        }
    }

    /**
     * Whether {@code host:port} is what the Host header names. A Host without a port matches either default
     * port: behind a proxy that ends TLS the service sees http while the browser's origin is https.
     */
    private static boolean isHost(String authority, String host) {
        if (host == null || host.isBlank()) return false;
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.lastIndexOf(':') > h.lastIndexOf(']')) return authority.equals(h);
        return authority.equals(h + ":80") || authority.equals(h + ":443");
    }
}
