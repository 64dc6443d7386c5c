package io.damwebhooks.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String SECRET = "hunter2-the-receivers-password";

    private final SecretCipher cipher = new SecretCipher(key());

    @Test
    void aSecretComesBackAsItWent() {
        String stored = cipher.encrypt(SECRET);
        assertTrue(stored.startsWith("v1:"));
        assertFalse(stored.contains(SECRET));
        assertEquals(SECRET, cipher.decrypt(stored));
        assertEquals("ünïcødé ✓", cipher.decrypt(cipher.encrypt("ünïcødé ✓")));
        assertEquals("", cipher.decrypt(cipher.encrypt("")));
        assertNull(cipher.encrypt(null));
        assertNull(cipher.decrypt(null));
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        String first = cipher.encrypt(SECRET);
        String second = cipher.encrypt(SECRET);
        assertNotEquals(first, second);
        byte[] a = Base64.getDecoder().decode(first.substring(3));
        byte[] b = Base64.getDecoder().decode(second.substring(3));
        assertFalse(java.util.Arrays.equals(java.util.Arrays.copyOf(a, 12), java.util.Arrays.copyOf(b, 12)), "the 12-byte nonces differ");
    }

    @Test
    void aChangedByteFailsInsteadOfDecryptingWrong() {
        byte[] bytes = Base64.getDecoder().decode(cipher.encrypt(SECRET).substring(3));
        for (int i : new int[]{0, 12, bytes.length - 1}) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 1;
            String stored = "v1:" + Base64.getEncoder().encodeToString(tampered);
            assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored), "byte " + i);
        }
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(SECRET), "plaintext is not a known format");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("v1:not base64!"));
    }

    @Test
    void theWrongKeyFailsWithAMessageThatCarriesNoSecret() {
        String stored = cipher.encrypt(SECRET);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SecretCipher(key()).decrypt(stored));
        assertTrue(e.getMessage().contains("webhooks.secrets.key"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
        assertFalse(e.getMessage().contains(stored.substring(3)));
        assertNull(e.getCause(), "a cause could carry the value to a log");
    }

    @Test
    void theKeyMustBe32Bytes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SecretCipher(new byte[16]));
        assertTrue(e.getMessage().contains("32 bytes"));
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
