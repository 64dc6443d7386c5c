package io.damwebhooks.delivery.send;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormerKeysTest {

    @Test
    void todaysKeyIsAnsweredFromItsFormerSpelling() {
        assertEquals(Optional.of("io.damwebhooks.delivery.control.Sender/send/Timeout/value"),
                FormerKeys.former("io.damwebhooks.delivery.send.Sender/send/Timeout/value"));
        assertEquals(Optional.of("io.damwebhooks.delivery.control.TokenEndpoint/fetch/Bulkhead/value"),
                FormerKeys.former("io.damwebhooks.delivery.send.TokenEndpoint/fetch/Bulkhead/value"));
        assertEquals(Optional.of("io.damwebhooks.delivery.control.DatabaseRetry/record/Retry/maxRetries"),
                FormerKeys.former("io.damwebhooks.platform.control.DatabaseRetry/record/Retry/maxRetries"));
        assertEquals(Optional.of("io.damwebhooks.delivery.control.DatabaseRetry/Retry/maxRetries"),
                FormerKeys.former("io.damwebhooks.platform.control.DatabaseRetry/Retry/maxRetries"));
    }

    @Test
    void otherKeysAreNotItsBusiness() {
        assertEquals(Optional.empty(), FormerKeys.former("webhooks.delivery.timeout"));
        assertEquals(Optional.empty(), FormerKeys.former("io.damwebhooks.delivery.send.SenderX/send/Timeout/value"));
        assertEquals(Optional.empty(), FormerKeys.former("io.damwebhooks.delivery.control.Sender/send/Timeout/value"));
    }
}
