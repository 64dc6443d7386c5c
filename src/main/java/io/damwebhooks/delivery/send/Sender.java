package io.damwebhooks.delivery.send;

import io.damwebhooks.delivery.entity.AttemptResult;
import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.delivery.entity.Receiver;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.damwebhooks.webhook.entity.AuthType;
import io.damwebhooks.webhook.entity.Header;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * One attempt: the POST with the webhook's custom headers, its auth, {@code Content-Type:
 * application/json} and the Standard Webhooks headers; signed by every secret that signs now (during
 * a rotation both, space-separated). An OAuth2 token the receiver refuses with 401 is fetched again
 * once. Whatever happens is the result, with one exception: Fault Tolerance's {@code @Timeout} ends
 * the attempt at its deadline (by default {@code webhooks.delivery.timeout}, see {@link AttemptTimeout})
 * by interrupting this thread, which closes the socket ({@link DeliveryHttp}), and the caller gets a
 * {@code TimeoutException}. The token fetch is inside that time.
 */
@ApplicationScoped
public class Sender {

    private static final ContentType JSON = ContentType.create("application/json");

    @Inject
    DeliveryHttp http;

    @Inject
    OAuth2Tokens tokens;

    @Inject
    @ConfigProperty(name = "webhooks.delivery.allow-http", defaultValue = "false")
    boolean allowHttp;

    @Timeout(15_000) // milliseconds; the key AttemptTimeout.KEY, by default webhooks.delivery.timeout
    public AttemptResult send(Leased leased) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Receiver receiver = leased.receiver();
        try {
            if ("http".equals(receiver.scheme()) && !allowHttp) {
                return AttemptResult.error(startedAt, 0, "refused: http:// needs webhooks.delivery.allow-http");
            }
            String token = receiver.authType() == AuthType.OAUTH2 ? tokens.token(receiver) : null;
            HttpAnswer answer = http.exchange(request(leased, token));
            if (answer.status() == 401 && token != null) {
                token = tokens.renew(receiver, token);
                answer = http.exchange(request(leased, token));
            }
            return new AttemptResult(startedAt, millisSince(start), answer.status(), null, answer.bodyHead(),
                    RetryAfter.parse(answer.retryAfter(), Instant.now()));
        } catch (IOException e) {
            return AttemptResult.error(startedAt, millisSince(start), describe(e));
        } catch (RuntimeException | WebhookSigningException e) {
            return AttemptResult.error(startedAt, millisSince(start), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private HttpPost request(Leased leased, String oauth2Token) throws WebhookSigningException {
        Receiver receiver = leased.receiver();
        HttpPost post = new HttpPost(receiver.url());
        for (Header header : receiver.headers()) post.addHeader(header.name(), header.value());
        String authorization = authorization(receiver, oauth2Token);
        if (authorization != null) post.setHeader("Authorization", authorization);
        long timestamp = Instant.now().getEpochSecond();
        post.setHeader("webhook-id", leased.deliveryId());
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", signature(leased, timestamp));
        post.setEntity(new ByteArrayEntity(leased.payload().getBytes(StandardCharsets.UTF_8), JSON));
        return post;
    }

    private static String authorization(Receiver receiver, String oauth2Token) {
        return switch (receiver.authType()) {
            case BASIC -> "Basic " + Base64.getEncoder().encodeToString(
                    (receiver.username() + ":" + receiver.password()).getBytes(StandardCharsets.UTF_8));
            case BEARER -> "Bearer " + receiver.token();
            case OAUTH2 -> "Bearer " + oauth2Token;
            case NONE -> null;
        };
    }

    static String signature(Leased leased, long timestamp) throws WebhookSigningException {
        StringBuilder signatures = new StringBuilder();
        for (String secret : leased.receiver().signingSecrets()) {
            if (!signatures.isEmpty()) signatures.append(' ');
            signatures.append(new Webhook(secret).sign(leased.deliveryId(), timestamp, leased.payload()));
        }
        return signatures.toString();
    }

    /** What went wrong, in words for the delivery log. */
    static String describe(IOException e) {
        if (e instanceof GuardedDns.NotPublicAddress || e instanceof TokenFailure) {
            return e.getMessage();
        }
        String kind = e instanceof SocketTimeoutException ? "timed out"
                : e instanceof ConnectException ? "could not connect"
                : e instanceof UnknownHostException ? "unknown host"
                : e instanceof SSLException ? "TLS failed"
                : e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
