package io.damwebhooks.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlValuesTest {

    @Test
    void idsArePaddedToAPowerOfTwoByRepeatingTheLast() {
        assertEquals(List.of("a"), SqlValues.padded(List.of("a")));
        assertEquals(List.of("a", "b"), SqlValues.padded(List.of("a", "b")));
        assertEquals(List.of("a", "b", "c", "c"), SqlValues.padded(List.of("a", "b", "c")));
        assertEquals(8, SqlValues.padded(List.of("1", "2", "3", "4", "5")).size());
        assertEquals(64, SqlValues.padded(Collections.nCopies(64, "x")).size());
    }

    @Test
    void aPlaceholderPerParameter() {
        assertEquals("?", SqlValues.placeholders(1));
        assertEquals("?, ?, ?, ?", SqlValues.placeholders(4));
    }
}
