package io.damwebhooks.webhook.entity;

import io.damwebhooks.security.control.EncryptedString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Standard Webhooks secrets ({@code whsec_} + base64 of 24 random bytes) a webhook signs with.
 * After a rotation the previous secret keeps signing beside the new one for a grace period, so a
 * receiver can switch without losing a message.
 */
@Embeddable
public class SigningSecrets {

    public static final Duration ROTATION_GRACE = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Convert(converter = EncryptedString.class)
    @Column(name = "signing_secret")
    String current;

    @Convert(converter = EncryptedString.class)
    @Column(name = "previous_signing_secret")
    String previous;

    @Column(name = "previous_secret_until")
    Instant previousUntil;

    public static SigningSecrets generate() {
        SigningSecrets secrets = new SigningSecrets();
        secrets.current = newSecret();
        return secrets;
    }

    public String current() {
        return current;
    }

    public void rotate(Instant now) {
        previous = current;
        previousUntil = now.plus(ROTATION_GRACE);
        current = newSecret();
    }

    /** The secrets that sign now: the current one first, then the previous one while its grace lasts. */
    public List<String> signingAt(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(current);
        if (previous != null && previousUntil != null && now.isBefore(previousUntil)) secrets.add(previous);
        return secrets;
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }
}
