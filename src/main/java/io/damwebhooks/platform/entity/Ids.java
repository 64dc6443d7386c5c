package io.damwebhooks.platform.entity;

import java.security.SecureRandom;

/**
 * Identifiers like {@code wh_01JD8X3K4Q7M9ZB2C5N6P0RSTV}: a prefix that says what it names, then 48
 * bits of milliseconds and 80 random bits in Crockford base32, so ids sort by creation time (the
 * delivery log pages on that) and never collide across instances.
 * <p>
 * Within one process they are strictly increasing, also within a millisecond (as ULID's monotonic
 * mode: the random part of the previous id plus one): per-asset ordering sends one asset's deliveries
 * in id order, and a DAM may fire two events of one asset in the same millisecond.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

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
                low = (lastLow + 1) & 0xFF_FFFF_FFFFL;
                high = low == 0 ? (lastHigh + 1) & 0xFF_FFFF_FFFFL : lastHigh;
            } else {
                byte[] random = new byte[10];
                RANDOM.nextBytes(random);
                high = 0;
                for (int i = 0; i < 5; i++) high = (high << 8) | (random[i] & 0xff);
                low = 0;
                for (int i = 5; i < 10; i++) low = (low << 8) | (random[i] & 0xff);
                // room to count up within this millisecond without running over 80 bits
                high &= 0x7F_FFFF_FFFFL;
            }
            lastMillis = millis;
            lastHigh = high;
            lastLow = low;
        }
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
