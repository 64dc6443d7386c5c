package io.damwebhooks.platform.entity;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Identifiers like {@code wh_01JD8X3K4Q7M9ZB2C5N6P0RSTV}: a prefix that says what it names, then 48
 * bits of milliseconds and 80 random bits in Crockford base32, so ids sort by creation time (the
 * delivery log pages on that) and never collide across instances.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() { }

    public static String next(String prefix) {
        return at(prefix, Instant.now());
    }

    /** A new id made as if at that millisecond (test data that spans days uses it). */
    public static String at(String prefix, Instant at) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        return of(prefix, Math.max(0, at.toEpochMilli()), random);
    }

    /** The lowest id {@code prefix} can have at that millisecond: a bound for ranges of ids by time. */
    public static String first(String prefix, Instant at) {
        return of(prefix, Math.max(0, at.toEpochMilli()), new byte[10]);
    }

    private static String of(String prefix, long millis, byte[] random) {
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        long high = 0;
        for (int i = 0; i < 5; i++) high = (high << 8) | (random[i] & 0xff);
        long low = 0;
        for (int i = 5; i < 10; i++) low = (low << 8) | (random[i] & 0xff);
        for (int i = 17; i >= 10; i--) { out[i] = ALPHABET[(int) (high & 31)]; high >>>= 5; }
        for (int i = 25; i >= 18; i--) { out[i] = ALPHABET[(int) (low & 31)]; low >>>= 5; }
        return prefix + "_" + new String(out);
    }
}
