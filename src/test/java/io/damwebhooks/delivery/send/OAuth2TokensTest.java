package io.damwebhooks.delivery.send;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.damwebhooks.delivery.entity.Receiver;
import io.damwebhooks.webhook.entity.AuthType;
import io.damwebhooks.webhook.entity.WebhookChanged;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cached OAuth2 tokens live only as long as the webhook configuration they were issued for. */
class OAuth2TokensTest {

    private final AtomicInteger fetched = new AtomicInteger();
    private final OAuth2Tokens tokens = new OAuth2Tokens();

    OAuth2TokensTest() {
        tokens.endpoint = new TokenEndpoint() {
            @Override
            public Token fetch(Receiver receiver) {
                return new Token("token-" + fetched.incrementAndGet(), Instant.now().plusSeconds(3600));
            }
        };
    }

    @Test
    void aChangedOrDeletedWebhooksTokenIsDropped() throws Exception {
        Receiver receiver = receiver("wh_1", "secret");
        assertEquals("token-1", tokens.token(receiver));
        assertEquals("token-1", tokens.token(receiver), "reused while fresh");
        tokens.token(receiver("wh_2", "secret"));
        assertEquals(2, tokens.cached());

        tokens.changed(new WebhookChanged("wh_1"));
        assertEquals(1, tokens.cached(), "wh_2's stays");
        assertEquals("token-3", tokens.token(receiver), "fetched again after the change");
    }

    @Test
    void aTokenForANewConfigurationReplacesTheOldOnesOfThatWebhook() throws Exception {
        tokens.token(receiver("wh_1", "old-secret"));
        tokens.token(receiver("wh_1", "new-secret")); // changed on another instance: no event here
        assertEquals(1, tokens.cached());
    }

    private static Receiver receiver(String id, String secret) {
        return new Receiver(id, "PIM", "https", "https://pim.example.com/hook", AuthType.OAUTH2, "https://login.example.com/token",
                "client", secret, null, "client_credentials", null, List.of(), List.of("whsec_x"));
    }
}
