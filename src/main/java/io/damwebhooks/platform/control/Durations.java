package io.damwebhooks.platform.control;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the configuration writes them: a whole number and a unit, {@code 100ms}, {@code 5s},
 * {@code 30m}, {@code 2h}, {@code 5d}. One parser for the timeout, the lease and the retry delays, so every key
 * reads the same way.
 */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("\\s*(\\d{1,9})\\s*(ms|s|m|h|d)\\s*");

    private Durations() { }

    public static Duration parse(String key, String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a duration like 100ms, 5s, 30m, 2h or 5d");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** A comma-separated list, e.g. {@code 5s,5m,30m}; empty text is an empty list (no retries). */
    public static List<Duration> parseList(String key, String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.split(",")).map(part -> parse(key, part)).toList();
    }
}
