package io.damwebhooks.deliverylog.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.delivery.entity.DeliveryStatus;
import io.damwebhooks.platform.boundary.StrictJson;
import io.damwebhooks.platform.control.FieldError;
import io.damwebhooks.platform.control.InvalidInput;
import io.damwebhooks.platform.entity.Ids;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorPagingTest {

    @Test
    void aCursorIsOpaqueAndGivesBackTheIdItWasMadeOf() {
        String id = Ids.next("msg");
        String cursor = Cursor.after(id);
        assertFalse(cursor.contains("msg_"), cursor);
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "URL-safe without escaping: " + cursor);
        assertEquals(id, Cursor.lastId(cursor));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "msg_", "msg_01JD8X3K4Q7M9ZB2C5N6P0RSTV' OR 1=1", "wh_01JD8X3K4Q7M9ZB2C5N6P0RSTV", "msg_01jd8x3k4q7m9zb2c5n6p0rstv"})
    void aCursorThisServiceDidNotMakeIsA400NamingCursor(String content) {
        String cursor = content.endsWith("!") ? content
                : Base64.getUrlEncoder().withoutPadding().encodeToString(content.getBytes(StandardCharsets.UTF_8));
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> Cursor.lastId(cursor));
        assertEquals("cursor", invalid.errors().get(0).field());
    }

    @Test
    void defaultsWhenNothingIsGiven() {
        assertEquals(new LogQuery(null, 50, null), LogQuery.of(null, null, null));
        assertEquals(new LogQuery(null, 50, null), LogQuery.of("", "", ""));
    }

    @Test
    void statusLimitAndCursorAreRead() {
        String id = Ids.next("msg");
        assertEquals(new LogQuery(DeliveryStatus.failed, 250, id), LogQuery.of("failed", "250", Cursor.after(id)));
        assertEquals(1, LogQuery.of("pending", "1", null).limit());
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> LogQuery.of("done", "251", "x"));
        assertEquals(List.of("status", "limit", "cursor"), invalid.errors().stream().map(FieldError::field).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "251", "1e2", "ten", "99999999999", " 5"})
    void aLimitOutside1To250IsRefused(String limit) {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> LogQuery.of(null, limit, null));
        assertEquals("limit", invalid.errors().get(0).field());
    }

    @Test
    void statusIsCaseSensitiveLikeTheJsonItFilters() {
        assertThrows(InvalidInput.class, () -> LogQuery.of("FAILED", null, null));
    }

    @Test
    void aFullPageWithOneMoreFetchedPointsNextAtItsLastItem() {
        List<DeliveryJson> fetched = deliveries(4);
        DeliveryPage page = DeliveryPage.of(fetched, 3);
        assertEquals(fetched.subList(0, 3), page.items);
        assertEquals(fetched.get(2).id, Cursor.lastId(page.next));
    }

    @Test
    void theLastPageHasNoNext() {
        assertNull(DeliveryPage.of(deliveries(3), 3).next);
        assertNull(DeliveryPage.of(deliveries(1), 3).next);
        DeliveryPage empty = DeliveryPage.of(List.of(), 3);
        assertTrue(empty.items.isEmpty());
        assertNull(empty.next);
    }

    @Test
    void nextIsWrittenAsNullNotLeftOut() {
        String json = new StrictJson().getContext(DeliveryPage.class).toJson(DeliveryPage.of(List.of(), 50));
        assertEquals("{\"items\":[],\"next\":null}", json);
    }

    private static List<DeliveryJson> deliveries(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            DeliveryJson json = new DeliveryJson();
            json.id = Ids.next("msg");
            return json;
        }).toList();
    }
}
