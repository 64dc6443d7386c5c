package io.damwebhooks.webhook.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.damwebhooks.platform.boundary.StrictJson;
import io.damwebhooks.platform.control.FieldError;
import io.damwebhooks.webhook.control.TargetRules;
import io.damwebhooks.webhook.entity.Auth;
import io.damwebhooks.webhook.entity.AuthType;
import jakarta.json.bind.Jsonb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fields each auth type requires, and write-only secrets that keep their value when left out. */
class AuthValidatorTest {

    private static final Jsonb JSON = new StrictJson().getContext(AuthJson.class);

    private List<FieldError> errors;

    @Test
    void noneAndAbsentNeedNothing() {
        assertEquals(AuthType.NONE, check("{\"type\": \"none\"}", new Auth()).type);
        assertEquals(List.of(), fields());
        assertEquals(AuthType.NONE, check(null, new Auth()).type);
        assertEquals(List.of(), fields());
    }

    @Test
    void aTypeIsRequiredWhenOtherFieldsAreGivenAndMustBeKnown() {
        check("{\"username\": \"u\"}", new Auth());
        assertEquals(List.of("auth.type"), fields());
        check("{\"type\": \"digest\"}", new Auth());
        assertEquals(List.of("auth.type"), fields());
    }

    @Test
    void basicNeedsUsernameAndPassword() {
        check("{\"type\": \"basic\"}", new Auth());
        assertEquals(List.of("auth.username", "auth.password"), fields());
        check("{\"type\": \"basic\", \"username\": \"a:b\", \"password\": \"pw\"}", new Auth());
        assertEquals(List.of("auth.username"), fields());
        Auth auth = check("{\"type\": \"basic\", \"username\": \"dam\", \"password\": \"pw\"}", new Auth());
        assertEquals(List.of(), fields());
        assertEquals("dam", auth.username);
        assertEquals("pw", auth.password);
    }

    @Test
    void bearerNeedsAToken() {
        check("{\"type\": \"bearer\"}", new Auth());
        assertEquals(List.of("auth.token"), fields());
        check("{\"type\": \"bearer\", \"token\": \"a\\r\\nb\"}", new Auth());
        assertEquals(List.of("auth.token"), fields());
        assertEquals("t0k3n", check("{\"type\": \"bearer\", \"token\": \"t0k3n\"}", new Auth()).token);
    }

    @Test
    void oauth2NeedsAnEndpointUsernameAndPasswordAndAKnownGrant() {
        check("{\"type\": \"oauth2\"}", new Auth());
        assertEquals(List.of("auth.username", "auth.password", "auth.tokenEndpoint"), fields());
        check(oauth2("\"grantType\": \"implicit\""), new Auth());
        assertEquals(List.of("auth.grantType"), fields());
        Auth auth = check(oauth2("\"scope\": \" hooks \""), new Auth());
        assertEquals(List.of(), fields());
        assertEquals(Auth.CLIENT_CREDENTIALS, auth.grantType);
        assertEquals("hooks", auth.scope);
        assertEquals("https://login.example.com/token", auth.tokenEndpoint);
        assertEquals(Auth.PASSWORD_GRANT, check(oauth2("\"grantType\": \"password\""), new Auth()).grantType);
    }

    @Test
    void theTokenEndpointMustBeHttpsAndPublic() {
        check("{\"type\": \"oauth2\", \"tokenEndpoint\": \"http://login.example.com/token\", \"username\": \"c\", \"password\": \"s\"}", new Auth());
        assertEquals(List.of("auth.tokenEndpoint"), fields());
        check("{\"type\": \"oauth2\", \"tokenEndpoint\": \"https://127.0.0.1/token\", \"username\": \"c\", \"password\": \"s\"}", new Auth());
        assertEquals(List.of("auth.tokenEndpoint"), fields());
        check("{\"type\": \"oauth2\", \"tokenEndpoint\": \"not a url\", \"username\": \"c\", \"password\": \"s\"}", new Auth());
        assertEquals(List.of("auth.tokenEndpoint"), fields());
        errors = new ArrayList<>();
        new AuthValidator(new TargetRules(true, true)).check(JSON.fromJson(
                "{\"type\": \"oauth2\", \"tokenEndpoint\": \"http://127.0.0.1:9000/token\", \"username\": \"c\", \"password\": \"s\"}",
                AuthJson.class), new Auth(), new KeptSecrets(true), errors);
        assertEquals(List.of(), fields());
    }

    @Test
    void leftOutSecretsKeepTheirStoredValue() {
        Auth stored = check("{\"type\": \"basic\", \"username\": \"dam\", \"password\": \"old-pw\"}", new Auth());
        Auth again = check("{\"type\": \"basic\", \"username\": \"dam2\"}", stored);
        assertEquals(List.of(), fields());
        assertEquals("old-pw", again.password);
        assertEquals("new-pw", check("{\"type\": \"basic\", \"username\": \"dam\", \"password\": \"new-pw\"}", stored).password);

        Auth bearer = check("{\"type\": \"bearer\", \"token\": \"old-token\"}", new Auth());
        assertEquals("old-token", check("{\"type\": \"bearer\"}", bearer).token);
        assertEquals(List.of(), fields());
    }

    @Test
    void aSecretOfAnotherTypeIsNotCarriedOver() {
        Auth stored = check("{\"type\": \"basic\", \"username\": \"dam\", \"password\": \"old-pw\"}", new Auth());
        check("{\"type\": \"oauth2\", \"tokenEndpoint\": \"https://login.example.com/token\", \"username\": \"c\"}", stored);
        assertEquals(List.of("auth.password"), fields());
        Auth none = check("{\"type\": \"none\"}", stored);
        assertNull(none.password);
        assertNull(none.username);
    }

    @Test
    void valuesLongerThanTheirColumnsHoldAreRefusedCountingBytes() {
        String longest = "{\"type\": \"oauth2\", \"tokenEndpoint\": \"https://login.example.com/token\", \"username\": \"%s\", "
                + "\"password\": \"%s\", \"scope\": \"%s\"}";
        check(longest.formatted("u".repeat(500), "é".repeat(512), "s".repeat(500)), new Auth());
        assertEquals(List.of(), fields());
        check(longest.formatted("u".repeat(501), "é".repeat(513), "s".repeat(501)), new Auth());
        assertEquals(List.of("auth.username", "auth.password", "auth.scope"), fields());
        check("{\"type\": \"bearer\", \"token\": \"" + "t".repeat(4096) + "\"}", new Auth());
        assertEquals(List.of(), fields());
        check("{\"type\": \"bearer\", \"token\": \"" + "t".repeat(4097) + "\"}", new Auth());
        assertEquals(List.of("auth.token"), fields());
    }

    private static String oauth2(String extra) {
        return "{\"type\": \"oauth2\", \"tokenEndpoint\": \"https://login.example.com/token\", \"username\": \"c\", \"password\": \"s\", "
                + extra + "}";
    }

    @Test
    void aMovedTargetNeedsItsSecretsAgainNamingTheField() {
        Auth basic = check("{\"type\": \"basic\", \"username\": \"dam\", \"password\": \"old-pw\"}", new Auth());
        check("{\"type\": \"basic\", \"username\": \"dam\"}", basic, false);
        assertEquals(List.of("auth.password"), fields());
        assertEquals(KeptSecrets.GIVE_AGAIN, errors.get(0).message());
        assertEquals("new-pw", check("{\"type\": \"basic\", \"username\": \"dam\", \"password\": \"new-pw\"}", basic, false).password);
        assertEquals(List.of(), fields());

        Auth bearer = check("{\"type\": \"bearer\", \"token\": \"old-token\"}", new Auth());
        check("{\"type\": \"bearer\"}", bearer, false);
        assertEquals(List.of("auth.token"), fields());
    }

    @Test
    void anOAuth2ClientSecretStaysOnlyWithItsTokenEndpoint() {
        Auth stored = check(oauth2("\"scope\": \"hooks\""), new Auth());
        String withoutSecret = "{\"type\": \"oauth2\", \"tokenEndpoint\": \"%s\", \"username\": \"c\"}";
        assertEquals("s", check(withoutSecret.formatted("https://login.example.com/token"), stored).password, "same endpoint, same target");
        assertEquals(List.of(), fields());
        check(withoutSecret.formatted("https://evil.example.com/token"), stored);
        assertEquals(List.of("auth.password"), fields());
        assertEquals(KeptSecrets.GIVE_AGAIN, errors.get(0).message());
        check(withoutSecret.formatted("https://login.example.com:8443/token"), stored);
        assertEquals(List.of("auth.password"), fields(), "another port");
        check(withoutSecret.formatted("https://login.example.com/token"), stored, false);
        assertEquals(List.of("auth.password"), fields(), "the webhook's target moved");
    }

    private Auth check(String json, Auth stored) {
        return check(json, stored, true);
    }

    private Auth check(String json, Auth stored, boolean sameTarget) {
        errors = new ArrayList<>();
        AuthJson parsed = json == null ? null : JSON.fromJson(json, AuthJson.class);
        return new AuthValidator(new TargetRules(false, false)).check(parsed, stored, new KeptSecrets(sameTarget), errors);
    }

    private List<String> fields() {
        return errors.stream().map(FieldError::field).toList();
    }
}
