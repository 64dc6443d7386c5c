package io.damwebhooks.deliverylog.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.damwebhooks.deliverylog.control.SearchCriteria;
import io.damwebhooks.delivery.entity.DeliveryStatus;
import io.damwebhooks.platform.control.FieldError;
import io.damwebhooks.platform.control.InvalidInput;
import io.damwebhooks.platform.entity.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parameters of the search and of the statistics: defaults, every bad one named in one answer. */
class SearchQueryTest {

    static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void everyParameterIsOptionalAndAnEmptyOneCountsAsAbsent() {
        SearchQuery query = SearchQuery.of(null, "", null, "", null, "", null, null, null);
        assertEquals(new SearchCriteria(null, null, null, null, null, null, null), query.criteria());
        assertEquals(50, query.limit());
        assertNull(query.afterId());
    }

    @Test
    void everyParameterIsRead() {
        String id = Ids.next("msg");
        SearchQuery query = SearchQuery.of("a-1", "evt-1", "asset.moved", "failed", "wh_1", T.toString(),
                T.plusSeconds(60).toString(), "250", Cursor.after(id));
        assertEquals(new SearchCriteria("a-1", "evt-1", "asset.moved", DeliveryStatus.failed, "wh_1", T, T.plusSeconds(60)),
                query.criteria());
        assertEquals(250, query.limit());
        assertEquals(id, query.afterId());
        assertEquals("webhook.test", SearchQuery.of(null, null, "webhook.test", null, null, null, null, null, null).criteria().eventType());
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> SearchQuery.of("x".repeat(201), "y".repeat(201),
                "asset.exploded", "done", null, "yesterday", "2026-11-29", "0", "!"));
        assertEquals(List.of("status", "limit", "cursor", "eventType", "from", "to", "assetUuid", "eventId"),
                invalid.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void toMustComeAfterFrom() {
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> SearchQuery.of(null, null, null, null, null, T.toString(), T.toString(), null, null));
        assertEquals("to", invalid.errors().get(0).field());
    }

    @Test
    void statsDefaultToTheLast24HoursInHoursTheCurrentOneIncluded() {
        StatsQuery query = StatsQuery.of(null, null, null, T.plusSeconds(125));
        assertEquals(new StatsQuery(T.minus(Duration.ofHours(23)), T.plus(Duration.ofHours(1)), "1h", Duration.ofHours(1)), query);
    }

    @Test
    void statsSpanIsMovedOutToBucketBoundaries() {
        StatsQuery query = StatsQuery.of(T.plusSeconds(61).toString(), T.plusSeconds(299).toString(), "5m", T);
        assertEquals(T, query.from());
        assertEquals(T.plus(Duration.ofMinutes(5)), query.to());
        assertEquals(Instant.parse("2026-11-29T00:00:00Z"), StatsQuery.of(T.toString(), null, "1d", T.plusSeconds(1)).from());
    }

    @Test
    void badStatsParametersAreNamed() {
        assertEquals("bucket", assertThrows(InvalidInput.class, () -> StatsQuery.of(null, null, "2h", T)).errors().get(0).field());
        assertEquals(List.of("from", "to"), assertThrows(InvalidInput.class, () -> StatsQuery.of("noon", "later", null, T))
                .errors().stream().map(FieldError::field).toList());
        assertEquals("to", assertThrows(InvalidInput.class, () -> StatsQuery.of(T.toString(), T.minusSeconds(3600).toString(), null, T))
                .errors().get(0).field());
        assertEquals("bucket", assertThrows(InvalidInput.class,
                () -> StatsQuery.of(T.toString(), T.plus(Duration.ofDays(2)).toString(), "1m", T)).errors().get(0).field(),
                "more than 1440 buckets");
    }
}
