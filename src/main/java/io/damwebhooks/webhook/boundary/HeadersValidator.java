package io.damwebhooks.webhook.boundary;

import io.damwebhooks.platform.control.FieldError;
import io.damwebhooks.webhook.entity.Header;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for a webhook's custom headers: at most ten, each name an HTTP token the service does not
 * set itself and given once, each value without CR or LF. A secret header's value left out keeps the
 * stored value of the secret header of that name, while the target stays the same ({@link KeptSecrets}).
 */
final class HeadersValidator {

    static final int MAX_HEADERS = 10;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Headers the service sets itself, or that would change how HTTP carries the request. */
    private static final Set<String> RESERVED = Set.of("host", "content-length", "content-type", "authorization",
            "user-agent", "connection", "transfer-encoding", "te", "trailer", "upgrade", "expect", "keep-alive",
            "proxy-authorization", "proxy-connection", "content-encoding");

    private HeadersValidator() { }

    static List<Header> check(List<HeaderJson> given, List<Header> stored, KeptSecrets kept, List<FieldError> errors) {
        List<Header> headers = new ArrayList<>();
        if (given == null) return headers;
        if (given.size() > MAX_HEADERS) {
            errors.add(new FieldError("headers", "at most " + MAX_HEADERS + " headers"));
            return headers;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            HeaderJson header = given.get(i);
            String field = "headers[" + i + "]";
            if (header == null || header.name == null || !TOKEN.matcher(header.name).matches()) {
                errors.add(new FieldError(field + ".name", "must be an HTTP header name (a token)"));
                continue;
            }
            String lower = header.name.toLowerCase(Locale.ROOT);
            if (RESERVED.contains(lower) || lower.startsWith("webhook-") || lower.startsWith("proxy-")) {
                errors.add(new FieldError(field + ".name", "is set by the service itself"));
            } else if (!seen.add(lower)) {
                errors.add(new FieldError(field + ".name", "appears twice"));
            }
            String value = header.marksSecret() ? kept.value(field + ".value", header.value, storedSecret(stored, lower), true, errors)
                    : header.value;
            if (value == null ? !KeptSecrets.reported(field + ".value", errors)
                    : value.length() > 4096 || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                errors.add(new FieldError(field + ".value", "is required, at most 4096 characters, without CR, LF or NUL"));
            }
            headers.add(new Header(header.name, value, header.marksSecret() ? true : null));
        }
        return headers;
    }

    /** The stored value of the secret header of this name (any case), if there is one. */
    private static String storedSecret(List<Header> stored, String lowerName) {
        if (stored == null) return null;
        return stored.stream().filter(h -> Header.isSecret(h) && h.name().toLowerCase(Locale.ROOT).equals(lowerName))
                .map(Header::value).findFirst().orElse(null);
    }
}
