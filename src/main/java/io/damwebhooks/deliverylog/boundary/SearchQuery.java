package io.damwebhooks.deliverylog.boundary;

import io.damwebhooks.api.EventType;
import io.damwebhooks.deliverylog.control.SearchCriteria;
import io.damwebhooks.delivery.outbox.TestEvents;
import io.damwebhooks.platform.control.FieldError;
import io.damwebhooks.platform.control.InvalidInput;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The query parameters of {@code GET /deliveries}, checked together so that one 400 names every bad
 * one. Empty parameters count as absent, as a form that leaves a field blank sends them.
 */
public record SearchQuery(SearchCriteria criteria, int limit, String afterId) {

    static final int MAX_TEXT = 200;

    public static SearchQuery of(String assetUuid, String eventId, String eventType, String status, String webhookId,
                                 String from, String to, String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        LogQuery page = null;
        try {
            page = LogQuery.of(status, limit, cursor);
        } catch (InvalidInput invalid) {
            errors.addAll(invalid.errors());
        }
        String type = given(eventType);
        if (type != null && EventType.fromWireName(type).isEmpty() && !type.equals(TestEvents.TYPE)) {
            errors.add(new FieldError("eventType", "an event type of GET /api/event-types, like asset.uploaded"));
        }
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        if (start != null && end != null && !start.isBefore(end)) errors.add(new FieldError("to", "must be later than from"));
        SearchCriteria criteria = new SearchCriteria(text("assetUuid", assetUuid, errors), text("eventId", eventId, errors),
                type, page == null ? null : page.status(), text("webhookId", webhookId, errors), start, end);
        if (!errors.isEmpty()) throw new InvalidInput(errors);
        return new SearchQuery(criteria, page.limit(), page.afterId());
    }

    private static String given(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String text(String field, String value, List<FieldError> errors) {
        if (given(value) != null && value.length() > MAX_TEXT) errors.add(new FieldError(field, "at most " + MAX_TEXT + " characters"));
        return given(value);
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (given(value) == null) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "an ISO-8601 instant like 2026-11-29T10:00:00Z"));
            return null;
        }
    }
}
