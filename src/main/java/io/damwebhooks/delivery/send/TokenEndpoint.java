package io.damwebhooks.delivery.send;

import io.damwebhooks.delivery.entity.Receiver;
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
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * One token request to a webhook's OAuth2 token endpoint. {@code client_credentials}: the webhook's
 * username and password are the client id and secret, sent by HTTP Basic (RFC 6749 §2.3.1).
 * {@code password}: the username and password go in the form, the service identifies itself as the
 * public client {@code webhooks.delivery.oauth2-client-id}.
 * <p>
 * Fault Tolerance guards it, per method (all token endpoints together): a transient fault (a 5xx, a
 * 429, a connection reset or closed without an answer) is retried in memory, with a jittered delay,
 * inside the attempt's own timeout, so that it does not cost a durable attempt; and a bulkhead bounds
 * how many sender threads may wait on token endpoints at once (more fail their attempt at once, to be
 * retried on the durable schedule). The tokens themselves are cached by {@link OAuth2Tokens}.
 */
@ApplicationScoped
public class TokenEndpoint {

    /** Token answers carry JWTs, often more than a KiB. */
    static final int TOKEN_RESPONSE_LIMIT = 32 * 1024;

    /** A token and when to fetch a new one. */
    public record Token(String value, Instant renewAt) { }

    @Inject
    DeliveryHttp http;

    @Inject
    @ConfigProperty(name = "webhooks.delivery.allow-http", defaultValue = "false")
    boolean allowHttp;

    @Inject
    @ConfigProperty(name = "webhooks.delivery.oauth2-client-id", defaultValue = "dam-webhooks")
    String passwordGrantClientId;

    @Retry(retryOn = Busy.class, maxRetries = 3, delay = 200, jitter = 100)
    @Bulkhead(8)
    public Token fetch(Receiver receiver) throws TokenFailure {
        String endpoint = receiver.tokenEndpoint();
        if (endpoint == null || !(endpoint.startsWith("https://") || allowHttp && endpoint.startsWith("http://"))) {
            throw new TokenFailure("token endpoint refused: " + endpoint + " is not https (http needs webhooks.delivery.allow-http)");
        }
        HttpAnswer answer;
        try {
            answer = http.exchange(request(receiver), TOKEN_RESPONSE_LIMIT);
        } catch (IOException e) {
            String error = "token endpoint " + endpoint + ": " + Sender.describe(e);
            throw transientFault(e) ? new Busy(error) : new TokenFailure(error);
        }
        if (!answer.ok()) {
            String error = "token endpoint " + endpoint + " answered " + answer.status() + ": " + shorten(answer.bodyHead());
            throw answer.status() == 429 || answer.status() >= 500 ? new Busy(error) : new TokenFailure(error);
        }
        return parse(endpoint, answer.bodyHead());
    }

    /**
     * A reset or a connection closed without an answer; a refused connection is the endpoint down, not a
     * blip. Never when this thread was interrupted: that is the attempt's timeout, which closed the socket.
     */
    static boolean transientFault(IOException e) {
        if (Thread.currentThread().isInterrupted()) return false;
        return e instanceof NoHttpResponseException || e instanceof SocketException && !(e instanceof ConnectException);
    }

    private HttpPost request(Receiver receiver) {
        HttpPost post = new HttpPost(receiver.tokenEndpoint());
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
        return post;
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

    /** A fault of the token endpoint that may be gone in a moment: retried in memory. */
    public static class Busy extends TokenFailure {
        Busy(String message) {
            super(message);
        }
    }
}
