package io.damwebhooks.deliverylog.boundary;

import io.damwebhooks.delivery.entity.DeliveryStatus;
import io.damwebhooks.platform.control.FieldError;
import io.damwebhooks.platform.control.InvalidInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The query parameters of a delivery log page, checked together so one 400 names every bad one.
 * Read as strings: JAX-RS would answer a non-numeric {@code limit} with a bare 404.
 */
public record LogQuery(DeliveryStatus status, int limit, String afterId) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 250;

    public static LogQuery of(String status, String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        DeliveryStatus parsedStatus = null;
        if (status != null && !status.isEmpty()) {
            parsedStatus = Arrays.stream(DeliveryStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
            if (parsedStatus == null) errors.add(new FieldError("status", "one of pending, succeeded, failed"));
        }
        int parsedLimit = DEFAULT_LIMIT;
        if (limit != null && !limit.isEmpty()) {
            parsedLimit = limit.matches("\\d{1,4}") ? Integer.parseInt(limit) : -1;
            if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) errors.add(new FieldError("limit", "a whole number from 1 to " + MAX_LIMIT));
        }
        String afterId = null;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                afterId = Cursor.lastId(cursor);
            } catch (InvalidInput invalid) {
                errors.addAll(invalid.errors());
            }
        }
        if (!errors.isEmpty()) throw new InvalidInput(errors);
        return new LogQuery(parsedStatus, parsedLimit, afterId);
    }
}
