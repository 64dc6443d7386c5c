package io.damwebhooks.webhook.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningSecretsTest {

    @Test
    void aSecretIsWhsecAndBase64OfRandomBytes() {
        String secret = SigningSecrets.generate().current();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(24, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, SigningSecrets.generate().current());
    }

    @Test
    void beforeAnyRotationOnlyTheCurrentSecretSigns() {
        SigningSecrets secrets = SigningSecrets.generate();
        assertEquals(List.of(secrets.current()), secrets.signingAt(Instant.now()));
    }

    @Test
    void afterARotationTheOldSecretKeepsSigningFor24Hours() {
        SigningSecrets secrets = SigningSecrets.generate();
        String old = secrets.current();
        Instant rotatedAt = Instant.parse("2026-11-29T10:00:00Z");
        secrets.rotate(rotatedAt);
        String fresh = secrets.current();
        assertNotEquals(old, fresh);
        assertEquals(List.of(fresh, old), secrets.signingAt(rotatedAt));
        assertEquals(List.of(fresh, old), secrets.signingAt(rotatedAt.plus(Duration.ofHours(24)).minusSeconds(1)));
        assertEquals(List.of(fresh), secrets.signingAt(rotatedAt.plus(Duration.ofHours(24))));
        assertEquals(Duration.ofHours(24), SigningSecrets.ROTATION_GRACE);
    }

    @Test
    void aSecondRotationDropsTheFirstSecret() {
        SigningSecrets secrets = SigningSecrets.generate();
        String first = secrets.current();
        Instant now = Instant.now();
        secrets.rotate(now);
        String second = secrets.current();
        secrets.rotate(now.plusSeconds(60));
        assertEquals(List.of(secrets.current(), second), secrets.signingAt(now.plusSeconds(120)));
        assertTrue(!secrets.signingAt(now.plusSeconds(120)).contains(first));
    }
}
