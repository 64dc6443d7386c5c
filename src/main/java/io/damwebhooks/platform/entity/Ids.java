package io.damwebhooks.platform.entity;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Identifiers like {@code wh_01JD8X3K4Q7M9ZB2C5N6P0RSTV}: a prefix that says what it names, then 48
 * bits of milliseconds and 80 random bits in Crockford base32, so ids sort by creation time (the
 * delivery log pages on that) and never collide across instances.
 * <p>
 * Within one process {@link #next} is strictly increasing, also within a millisecond (as ULID's
 * monotonic mode: the random part of the previous id plus one): per-asset ordering sends one asset's
 * deliveries in id order, and a DAM may fire two events of one asset in the same millisecond.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long FORTY_BITS = 0xFF_FFFF_FFFFL;

    private static long lastMillis;
    private static long lastHigh;
    private static long lastLow;

    private Ids() { }

    public static String next(String prefix) {
        long millis = System.currentTimeMillis();
        long high;
        long low;
        synchronized (Ids.class) {
            if (millis <= lastMillis) {
                // same millisecond (or the clock stepped back): one more than the last id
                millis = lastMillis;
                low = (lastLow + 1) & FORTY_BITS;
                high = low == 0 ? (lastHigh + 1) & FORTY_BITS : lastHigh;
            } else {
                byte[] random = new byte[10];
                RANDOM.nextBytes(random);
                high = bits(random, 0) & 0x7F_FFFF_FFFFL; // room to count up within this millisecond
                low = bits(random, 5);
            }
            lastMillis = millis;
            lastHigh = high;
            lastLow = low;
        }
        return of(prefix, millis, high, low);
    }

    /** A new id made as if at that millisecond (test data that spans days uses it). */
    public static String at(String prefix, Instant at) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        return of(prefix, Math.max(0, at.toEpochMilli()), bits(random, 0), bits(random, 5));
    }

    /** The lowest id {@code prefix} can have at that millisecond: a bound for ranges of ids by time. */
    public static String first(String prefix, Instant at) {
        return of(prefix, Math.max(0, at.toEpochMilli()), 0, 0);
    }

    private static long bits(byte[] random, int from) {
        long value = 0;
        for (int i = from; i < from + 5; i++) value = (value << 8) | (random[i] & 0xff);
        return value;
    }

    private static String of(String prefix, long millis, long high, long low) {
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        for (int i = 17; i >= 10; i--) { out[i] = ALPHABET[(int) (high & 31)]; high >>>= 5; }
        for (int i = 25; i >= 18; i--) { out[i] = ALPHABET[(int) (low & 31)]; low >>>= 5; }
        return prefix + "_" + new String(out);
    }
}
