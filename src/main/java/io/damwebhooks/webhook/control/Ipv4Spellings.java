package io.damwebhooks.webhook.control;

import java.util.Optional;

/**
 * The other ways to write an IPv4 address that C resolvers ({@code inet_aton}), curl and browsers
 * accept: one to four dot-separated numbers, each decimal, octal (leading {@code 0}) or hex
 * ({@code 0x}), the last one filling the remaining bytes. {@code 2130706433}, {@code 0x7f000001},
 * {@code 127.1} and {@code 0177.0.0.1} are all 127.0.0.1. Java reads some of them differently or
 * not at all, so the service never keeps such a spelling: it refuses it, or writes the address out.
 */
final class Ipv4Spellings {

    private Ipv4Spellings() { }

    /** The four bytes {@code text} means to a C resolver, if it is such a spelling. */
    static Optional<byte[]> parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) return Optional.empty();
        long address = 0;
        for (int i = 0; i < parts.length; i++) {
            Long value = number(parts[i]);
            boolean last = i == parts.length - 1;
            long limit = last ? 1L << (32 - 8 * i) : 256;
            if (value == null || value >= limit) return Optional.empty();
            address |= last ? value : value << (24 - 8 * i);
        }
        return Optional.of(new byte[]{(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address});
    }

    private static Long number(String part) {
        try {
            if (part.isEmpty() || part.length() > 12) return null;
            if (part.startsWith("0x")) return part.length() == 2 ? null : Long.parseLong(part.substring(2), 16);
            if (part.length() > 1 && part.startsWith("0")) return Long.parseLong(part.substring(1), 8);
            return Long.parseLong(part);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
