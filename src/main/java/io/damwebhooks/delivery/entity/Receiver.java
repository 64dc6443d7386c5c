package io.damwebhooks.delivery.entity;

import io.damwebhooks.webhook.entity.AuthType;
import io.damwebhooks.webhook.entity.Header;
import io.damwebhooks.webhook.entity.Webhook;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a send needs of a webhook, copied out of the entity when its deliveries are claimed: the
 * sending thread then works outside any transaction and never touches a managed entity. The
 * credentials are decrypted here; {@link #toString()} leaves them out, so a log line cannot carry them.
 */
public record Receiver(String webhookId, String name, String scheme, String url, AuthType authType,
                       String tokenEndpoint, String username, String password, String token,
                       String grantType, String scope, List<Header> headers, List<String> signingSecrets) {

    public static Receiver of(Webhook webhook, Instant now) {
        var auth = webhook.auth;
        return new Receiver(webhook.id, webhook.name, webhook.scheme, webhook.url(),
                auth.type == null ? AuthType.NONE : auth.type, auth.tokenEndpoint, auth.username, auth.password,
                auth.token, auth.grantType, auth.scope, List.copyOf(webhook.headers),
                webhook.secrets.signingAt(now));
    }

    /** Identifies the OAuth2 client configuration: a changed webhook gets a fresh token, not the old one. */
    public String tokenKey() {
        return webhookId + "|" + Objects.hash(tokenEndpoint, username, password, grantType, scope);
    }

    @Override
    public String toString() {
        return "Receiver[" + webhookId + " " + url + " auth=" + authType.wireName() + "]";
    }
}
