package io.damwebhooks.webhook.boundary;

import io.damwebhooks.platform.control.FieldError;
import io.damwebhooks.webhook.control.Target;
import io.damwebhooks.webhook.control.TargetRules;
import io.damwebhooks.webhook.entity.Auth;
import io.damwebhooks.webhook.entity.AuthType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields each auth type requires. Write-only secrets that are left out keep their stored value,
 * so a document read with GET can be PUT back without re-entering passwords — unless the PUT changes
 * where they would be sent ({@link KeptSecrets}).
 */
class AuthValidator {

    /*
     * What fits the columns of V1__webhooks.sql, so that a long value is a 400 and not a failed insert:
     * username and scope VARCHAR(500); the token endpoint VARCHAR(2000); password VARCHAR(2000) and token
     * VARCHAR(8000) hold the encrypted form, "v1:" + base64 of 28 bytes more than the secret.
     */
    static final int USERNAME_BYTES = 500;
    static final int SCOPE_BYTES = 500;
    static final int ENDPOINT_BYTES = 2000;
    static final int PASSWORD_BYTES = 1024;
    static final int TOKEN_BYTES = 4096;

    private final TargetRules targets;

    AuthValidator(TargetRules targets) {
        this.targets = targets;
    }

    /** {@code kept}: whether the webhook's target stays the same, so that stored secrets may be kept. */
    Auth check(AuthJson json, Auth stored, KeptSecrets kept, List<FieldError> errors) {
        Auth auth = new Auth();
        if (json == null || json.type == null) {
            if (json != null && hasAnyValue(json)) errors.add(new FieldError("auth.type", "is required"));
            return auth;
        }
        AuthType type = AuthType.fromWireName(json.type).orElse(null);
        if (type == null) {
            errors.add(new FieldError("auth.type", "must be none, basic, oauth2 or bearer"));
            return auth;
        }
        auth.type = type;
        boolean sameType = stored.type == type;
        switch (type) {
            case NONE -> { }
            case BASIC -> {
                auth.username = required("auth.username", json.username, USERNAME_BYTES, errors);
                String password = kept.value("auth.password", json.password, stored.password, sameType, errors);
                auth.password = required("auth.password", password, PASSWORD_BYTES, errors);
                if (auth.username != null && auth.username.contains(":")) {
                    errors.add(new FieldError("auth.username", "must not contain a colon (HTTP Basic)"));
                }
            }
            case BEARER -> auth.token = required("auth.token", kept.value("auth.token", json.token, stored.token, sameType, errors),
                    TOKEN_BYTES, errors);
            case OAUTH2 -> oauth2(json, stored, kept, auth, errors);
        }
        return auth;
    }

    private void oauth2(AuthJson json, Auth stored, KeptSecrets kept, Auth auth, List<FieldError> errors) {
        auth.username = required("auth.username", json.username, USERNAME_BYTES, errors);
        List<FieldError> endpointErrors = new ArrayList<>();
        String endpoint = required("auth.tokenEndpoint", json.tokenEndpoint, ENDPOINT_BYTES, endpointErrors);
        if (endpoint != null) {
            Target parsed = targets.parse("auth.tokenEndpoint", endpoint, endpointErrors);
            if (parsed != null) auth.tokenEndpoint = targets.check("auth.tokenEndpoint", parsed, endpointErrors).url();
        }
        // the client secret goes to the token endpoint: kept only while that stays the same too
        boolean sameEndpoint = auth.tokenEndpoint != null && auth.tokenEndpoint.equals(stored.tokenEndpoint);
        String password = kept.and(sameEndpoint).value("auth.password", json.password, stored.password,
                stored.type == AuthType.OAUTH2, errors);
        auth.password = required("auth.password", password, PASSWORD_BYTES, errors);
        auth.grantType = json.grantType == null ? Auth.CLIENT_CREDENTIALS : json.grantType;
        if (!auth.grantType.equals(Auth.CLIENT_CREDENTIALS) && !auth.grantType.equals(Auth.PASSWORD_GRANT)) {
            errors.add(new FieldError("auth.grantType", "must be client_credentials or password"));
        }
        auth.scope = json.scope == null || json.scope.isBlank() ? null : json.scope.trim();
        if (auth.scope != null && auth.scope.getBytes(StandardCharsets.UTF_8).length > SCOPE_BYTES) {
            errors.add(new FieldError("auth.scope", "at most " + SCOPE_BYTES + " bytes (UTF-8)"));
        }
        errors.addAll(endpointErrors);
    }

    private static String required(String field, String value, int maxBytes, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (!KeptSecrets.reported(field, errors)) errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > maxBytes || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            errors.add(new FieldError(field, "at most " + maxBytes + " bytes (UTF-8), without CR, LF or NUL"));
        }
        return value;
    }

    private static boolean hasAnyValue(AuthJson json) {
        return json.username != null || json.password != null || json.token != null || json.tokenEndpoint != null;
    }
}
