package io.damwebhooks.webhook.control;

import io.damwebhooks.platform.control.FieldError;
import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for a webhook's target and an OAuth2 token endpoint: {@code https} unless
 * {@code allow-http}; a DNS name or an IP literal with an optional port; and, unless
 * {@code allow-private-networks}, no IP literal outside the public internet. IPv4 must be written as
 * four decimal numbers: {@code 2130706433}, {@code 0x7f000001}, {@code 127.1} and {@code 0177.0.0.1}
 * all mean 127.0.0.1 to C resolvers, so they are refused; where private networks are allowed they are
 * accepted and written out as the four numbers they mean ({@link Ipv4Spellings}). Every rule applies to
 * the {@code IDN.toASCII} form (full-width digits and dots are 127.0.0.1 too). Names are checked again
 * after DNS resolution when a delivery connects.
 */
public class TargetRules {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern NUMERIC_LOOKING = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");

    private final boolean allowHttp;
    private final boolean allowPrivateNetworks;

    public TargetRules(boolean allowHttp, boolean allowPrivateNetworks) {
        this.allowHttp = allowHttp;
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** Splits a full URL into a target, or adds why it cannot be one. */
    public Target parse(String field, String url, List<FieldError> errors) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getRawUserInfo() != null
                    || uri.getRawFragment() != null) {
                errors.add(new FieldError(field, "must be an absolute URL without user info or fragment"));
                return null;
            }
            String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return new Target(uri.getScheme().toLowerCase(Locale.ROOT), uri.getRawAuthority(), path);
        } catch (URISyntaxException e) {
            errors.add(new FieldError(field, "is not a valid URL"));
            return null;
        }
    }

    /** Checks a target, adding one error per broken rule under {@code prefix} ("" or "auth.tokenEndpoint"). */
    public Target check(String prefix, Target target, List<FieldError> errors) {
        String schemeField = prefix.isEmpty() ? "scheme" : prefix;
        String hostField = prefix.isEmpty() ? "hostname" : prefix;
        String pathField = prefix.isEmpty() ? "path" : prefix;
        String scheme = target.scheme() == null ? "https" : target.scheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            errors.add(new FieldError(schemeField, "must be https"));
        } else if (scheme.equals("http") && !allowHttp) {
            errors.add(new FieldError(schemeField, "must be https (http needs webhooks.delivery.allow-http)"));
        }
        String hostname = checkHostname(hostField, target.hostname(), errors);
        String path = target.path() == null || target.path().isEmpty() ? "/" : target.path();
        if (!path.startsWith("/")) path = "/" + path;
        if (path.length() > 2000 || !isValidPath(path)) {
            errors.add(new FieldError(pathField, "must be a valid URL path of at most 2000 characters"));
        }
        return new Target(scheme, hostname, path);
    }

    private String checkHostname(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return value;
        }
        // every rule runs on the IDN.toASCII form, which is what a resolver gets: "１２７．０．０．１" is 127.0.0.1
        String host;
        try {
            host = value.trim().startsWith("[") ? value.trim() : IDN.toASCII(value.trim(), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException notAName) {
            errors.add(new FieldError(field, "is not a valid hostname"));
            return value;
        }
        host = host.toLowerCase(Locale.ROOT);
        String port = null;
        int close = host.lastIndexOf(']');
        int colon = host.lastIndexOf(':');
        if (colon > close && host.indexOf(':') == colon || (host.startsWith("[") && colon > close)) {
            port = host.substring(colon + 1);
            host = host.substring(0, colon);
        }
        if (port != null && !isPort(port)) {
            errors.add(new FieldError(field, "has an invalid port"));
            return value;
        }
        String written = otherIpv4Spelling(host);
        if (written != null) {
            if (!allowPrivateNetworks) {
                errors.add(new FieldError(field, "is not a valid address: write IPv4 as four decimal numbers "
                        + "(other spellings need webhooks.delivery.allow-private-networks)"));
                return value;
            }
            host = written;
        }
        String problem = hostProblem(host);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
            return value;
        }
        String ascii = host.startsWith("[") ? host : IDN.toASCII(host);
        return port == null ? ascii : ascii + ":" + port;
    }

    private String hostProblem(String host) {
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || host.length() < 4) return "is not a valid IPv6 address";
            return literalProblem(host.substring(1, host.length() - 1), true);
        }
        String[] labels = host.split("\\.", -1);
        String last = labels[labels.length - 1];
        if (NUMERIC_LOOKING.matcher(last).matches() || host.contains(":")) {
            if (!DOTTED_QUAD.matcher(host).matches()) {
                return "is not a valid address: write IPv4 as four decimal numbers and IPv6 in brackets";
            }
            return literalProblem(host, false);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return "is not a valid hostname";
        }
        if (ascii.length() > 253 || !ascii.contains(".") && !allowPrivateNetworks) {
            return "is not a valid public hostname";
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) return "is not a valid hostname";
        }
        if (!allowPrivateNetworks && (ascii.equals("localhost") || ascii.endsWith(".localhost"))) {
            return "names this machine (needs webhooks.delivery.allow-private-networks)";
        }
        return null;
    }

    /** {@code 127.1} and the like written out as {@code 127.0.0.1}; null for anything else. */
    private static String otherIpv4Spelling(String host) {
        String[] labels = host.split("\\.", -1);
        if (DOTTED_QUAD.matcher(host).matches() || !NUMERIC_LOOKING.matcher(labels[labels.length - 1]).matches()) {
            return null;
        }
        return Ipv4Spellings.parse(host)
                .map(b -> (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff))
                .orElse(null);
    }

    private String literalProblem(String literal, boolean v6) {
        InetAddress address;
        try {
            if (v6 && !literal.matches("[0-9a-f:.]+")) return "is not a valid IPv6 address";
            address = InetAddress.getByName(v6 ? "[" + literal + "]" : literal); // a literal: no DNS query
        } catch (UnknownHostException e) {
            return "is not a valid IP address";
        }
        if (!allowPrivateNetworks && !PublicAddresses.isPublic(address)) {
            return "is not a public address (needs webhooks.delivery.allow-private-networks)";
        }
        return null;
    }

    private static boolean isPort(String port) {
        if (!port.matches("[0-9]{1,5}")) return false;
        int number = Integer.parseInt(port);
        return number >= 1 && number <= 65535;
    }

    private static boolean isValidPath(String path) {
        try {
            URI uri = new URI("https://example.com" + path);
            return uri.getRawFragment() == null && uri.getRawPath() != null && path.chars().noneMatch(c -> c <= ' ');
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
