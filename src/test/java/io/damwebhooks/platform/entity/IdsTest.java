package io.damwebhooks.platform.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void anIdIsItsPrefixAnUnderscoreAnd26CrockfordCharacters() {
        String id = Ids.next("wh");
        assertTrue(id.matches("wh_[0-9A-HJKMNP-TV-Z]{26}"), id);
        assertTrue(Ids.next("msg").startsWith("msg_"));
    }

    @Test
    void idsSortByCreationTimeAndNeverRepeat() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Ids.next("wh"));
            Thread.sleep(2); // so that the milliseconds differ: the order under test is by time
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(ids, sorted);
        var many = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) many.add(Ids.next("wh"));
        assertEquals(10_000, many.size());
    }

    @Test
    void theTimePartIsTheMillisecondsInBase32() {
        long before = System.currentTimeMillis();
        String id = Ids.next("x");
        long after = System.currentTimeMillis();
        long millis = 0;
        for (char c : id.substring(2, 12).toCharArray()) millis = millis * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(c);
        assertTrue(millis >= before && millis <= after, millis + " in [" + before + ", " + after + "]");
    }

    @Test
    void theFirstIdOfAMillisecondBoundsEveryIdMadeThenAndNoEarlierOne() {
        java.time.Instant at = java.time.Instant.parse("2026-11-29T10:00:00.123Z");
        String first = Ids.first("msg", at);
        assertTrue(first.matches("msg_[0-9A-HJKMNP-TV-Z]{10}0{16}"), first);
        for (int i = 0; i < 100; i++) {
            assertTrue(Ids.at("msg", at).compareTo(first) >= 0);
            assertTrue(Ids.at("msg", at.minusMillis(1)).compareTo(first) < 0);
            assertTrue(Ids.at("msg", at).compareTo(Ids.first("msg", at.plusMillis(1))) < 0);
        }
    }
}
