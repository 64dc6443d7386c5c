package io.damwebhooks.delivery.send;

import io.damwebhooks.delivery.entity.Receiver;
import io.damwebhooks.webhook.entity.WebhookChanged;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * OAuth2 access tokens for webhooks with {@code auth.type = oauth2}, one per webhook, reused until
 * shortly before {@code expires_in} runs out (or, without {@code expires_in}, until the receiver
 * answers 401). One fetch at a time per webhook; the fetch itself is {@link TokenEndpoint}'s. A token
 * is dropped when its webhook is changed or deleted here ({@link WebhookChanged}), and when a token is
 * fetched for a webhook's new configuration (changed by another instance): no token outlives the
 * credentials or the endpoint it was issued for.
 */
@ApplicationScoped
public class OAuth2Tokens {

    @Inject
    TokenEndpoint endpoint;

    private final Map<String, TokenEndpoint.Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** A token for the receiver: the cached one while it is fresh, else a new one. */
    public String token(Receiver receiver) throws IOException {
        return obtain(receiver, null);
    }

    /** A new token after the receiver refused {@code rejected} with a 401 (unless another thread got one already). */
    public String renew(Receiver receiver, String rejected) throws IOException {
        return obtain(receiver, rejected);
    }

    private String obtain(Receiver receiver, String rejected) throws IOException {
        String key = receiver.tokenKey();
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            TokenEndpoint.Token cached = tokens.get(key);
            if (cached != null && Instant.now().isBefore(cached.renewAt()) && !cached.value().equals(rejected)) {
                return cached.value();
            }
            TokenEndpoint.Token fresh;
            try {
                fresh = endpoint.fetch(receiver);
            } catch (BulkheadException e) {
                throw new TokenFailure("token endpoint " + receiver.tokenEndpoint()
                        + ": too many token requests at once (Fault Tolerance @Bulkhead of TokenEndpoint.fetch)");
            }
            tokens.put(key, fresh);
            forget(receiver.webhookId(), key);
            return fresh.value();
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookChanged changed) {
        forget(changed.id(), null);
    }

    /** Drops the webhook's tokens (keys {@code id|…}) but {@code keep}. */
    private void forget(String webhookId, String keep) {
        String prefix = webhookId + "|";
        tokens.keySet().removeIf(key -> key.startsWith(prefix) && !key.equals(keep));
        locks.keySet().removeIf(key -> key.startsWith(prefix) && !key.equals(keep));
    }

    /** How many tokens are kept, for tests. */
    int cached() {
        return tokens.size();
    }
}
