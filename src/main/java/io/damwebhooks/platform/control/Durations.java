package io.damwebhooks.platform.control;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as configuration writes them: a whole number and a unit, {@code 500ms}, {@code 5s},
 * {@code 30m}, {@code 2h}, {@code 30d}. Deliberately small: no ISO-8601 and no fractions, so that what
 * an operator reads in the README is all that is accepted.
 */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("\\s*(\\d{1,12})\\s*(ms|s|m|h|d)\\s*");

    private Durations() { }

    /** The duration {@code text} names; an {@link IllegalArgumentException} that quotes it otherwise. */
    public static Duration parse(String text) {
        Matcher matcher = text == null ? null : DURATION.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("Not a duration: '" + text + "' (expected a whole number and ms, s, m, h or d, like 30d)");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
