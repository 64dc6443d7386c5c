package io.damwebhooks.delivery.control;

import io.damwebhooks.webhook.entity.Auth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OAuth2 access tokens for webhooks with {@code auth.type = oauth2}, one per webhook, reused until
 * shortly before {@code expires_in} runs out (or, without {@code expires_in}, until the receiver
 * answers 401). {@code client_credentials}: the webhook's username and password are the client id and
 * secret, sent by HTTP Basic (RFC 6749 §2.3.1). {@code password}: the username and password go in the
 * form, the service identifies itself as the public client {@code webhooks.delivery.oauth2-client-id}.
 */
@ApplicationScoped
public class OAuth2Tokens {

    /** Token answers carry JWTs, often more than a KiB. */
    static final int TOKEN_RESPONSE_LIMIT = 32 * 1024;

    private record Token(String value, Instant renewAt) { }

    @Inject
    DeliveryHttp http;

    @Inject
    @ConfigProperty(name = "webhooks.delivery.allow-http", defaultValue = "false")
    boolean allowHttp;

    @Inject
    @ConfigProperty(name = "webhooks.delivery.oauth2-client-id", defaultValue = "dam-webhooks")
    String passwordGrantClientId;

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** A token for the receiver: the cached one while it is fresh, else a new one. */
    public String token(Receiver receiver, Instant deadline) throws IOException {
        return obtain(receiver, null, deadline);
    }

    /** A new token after the receiver refused {@code rejected} with a 401 (unless another thread got one already). */
    public String renew(Receiver receiver, String rejected, Instant deadline) throws IOException {
        return obtain(receiver, rejected, deadline);
    }

    private String obtain(Receiver receiver, String rejected, Instant deadline) throws IOException {
        String key = receiver.tokenKey();
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Token cached = tokens.get(key);
            if (cached != null && Instant.now().isBefore(cached.renewAt()) && !cached.value().equals(rejected)) {
                return cached.value();
            }
            Token fresh = fetch(receiver, deadline);
            tokens.put(key, fresh);
            return fresh.value();
        }
    }

    private Token fetch(Receiver receiver, Instant deadline) throws IOException {
        String endpoint = receiver.tokenEndpoint();
        if (endpoint == null || !(endpoint.startsWith("https://") || allowHttp && endpoint.startsWith("http://"))) {
            throw new TokenFailure("token endpoint refused: " + endpoint + " is not https (http needs webhooks.delivery.allow-http)");
        }
        HttpPost post = new HttpPost(endpoint);
        post.setHeader("Accept", "application/json");
        StringBuilder form = new StringBuilder();
        if (Auth.PASSWORD_GRANT.equals(receiver.grantType())) {
            form.append("grant_type=password&username=").append(encode(receiver.username()))
                    .append("&password=").append(encode(receiver.password()))
                    .append("&client_id=").append(encode(passwordGrantClientId));
        } else {
            form.append("grant_type=client_credentials");
            String credentials = encode(receiver.username()) + ":" + encode(receiver.password());
            post.setHeader("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (receiver.scope() != null && !receiver.scope().isBlank()) form.append("&scope=").append(encode(receiver.scope()));
        post.setEntity(new StringEntity(form.toString(), ContentType.APPLICATION_FORM_URLENCODED));
        HttpAnswer answer;
        try {
            answer = http.exchange(post, deadline, TOKEN_RESPONSE_LIMIT);
        } catch (IOException e) {
            throw new TokenFailure("token endpoint " + endpoint + ": " + Sender.describe(e));
        }
        if (!answer.ok()) {
            throw new TokenFailure("token endpoint " + endpoint + " answered " + answer.status() + ": " + shorten(answer.bodyHead()));
        }
        return parse(endpoint, answer.bodyHead());
    }

    private static Token parse(String endpoint, String body) throws TokenFailure {
        try {
            JsonObject json = Json.createReader(new StringReader(body == null ? "" : body)).readObject();
            String value = json.getString("access_token", null);
            if (value == null || value.isBlank()) throw new TokenFailure("token endpoint " + endpoint + " answered without an access_token");
            JsonValue expires = json.get("expires_in");
            Instant renewAt = Instant.MAX;
            if (expires instanceof JsonNumber seconds && seconds.longValue() > 0) {
                long life = seconds.longValue();
                // renew a little early, so a token never expires on its way to the receiver
                renewAt = Instant.now().plus(Duration.ofSeconds(life - Math.min(60, life / 5)));
            }
            return new Token(value, renewAt);
        } catch (JsonParsingException | ClassCastException e) {
            throw new TokenFailure("token endpoint " + endpoint + " answered no JSON object (or more than 32 KiB)");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        if (text == null) return "";
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
