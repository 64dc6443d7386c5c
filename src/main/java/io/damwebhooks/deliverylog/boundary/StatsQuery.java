package io.damwebhooks.deliverylog.boundary;

import io.damwebhooks.platform.control.FieldError;
import io.damwebhooks.platform.control.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters of {@code GET /webhooks/{id}/stats}: a bucket size and a span, both ends moved out to
 * bucket boundaries (UTC), so that every bucket is whole. Default: the last 24 hours, in hours, the
 * current hour included.
 */
public record StatsQuery(Instant from, Instant to, String bucket, Duration size) {

    static final Map<String, Duration> SIZES = Map.of("1m", Duration.ofMinutes(1), "5m", Duration.ofMinutes(5),
            "1h", Duration.ofHours(1), "1d", Duration.ofDays(1));
    static final Duration DEFAULT_SPAN = Duration.ofHours(24);
    static final int MAX_BUCKETS = 1440;

    public static StatsQuery of(String from, String to, String bucket, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String name = bucket == null || bucket.isEmpty() ? "1h" : bucket;
        Duration size = SIZES.get(name);
        if (size == null) errors.add(new FieldError("bucket", "one of 1m, 5m, 1h, 1d"));
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        if (!errors.isEmpty()) throw new InvalidInput(errors);
        end = up(end != null ? end : now, size);
        start = down(start != null ? start : end.minus(DEFAULT_SPAN), size);
        if (!start.isBefore(end)) throw new InvalidInput("to", "must be later than from");
        long buckets = Duration.between(start, end).toMillis() / size.toMillis();
        if (buckets > MAX_BUCKETS) {
            throw new InvalidInput("bucket", "from–to holds " + buckets + " buckets of " + name + "; at most " + MAX_BUCKETS
                    + ": choose a larger bucket or a shorter span");
        }
        return new StatsQuery(start, end, name, size);
    }

    private static Instant down(Instant instant, Duration size) {
        return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), size.toMillis()) * size.toMillis());
    }

    private static Instant up(Instant instant, Duration size) {
        Instant down = down(instant, size);
        return down.equals(instant) ? down : down.plus(size);
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "an ISO-8601 instant like 2026-11-29T10:00:00Z"));
            return null;
        }
    }
}
