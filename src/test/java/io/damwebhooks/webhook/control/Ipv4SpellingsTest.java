package io.damwebhooks.webhook.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The spellings a C resolver reads as 127.0.0.1, and some it does not read at all. */
class Ipv4SpellingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0x7f000001", "127.1", "0177.0.0.1", "127.0.1", "0x7f.1", "017700000001", "127.0.0.1"})
    void loopbackSpellings(String spelling) {
        assertArrayEquals(new byte[]{127, 0, 0, 1}, Ipv4Spellings.parse(spelling).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1", "1.2.3.4.5", "4294967296", "0x", "08.1.1.1", "1..1", "1.2.3.256", "abc", "1.65536.1"})
    void notAddresses(String spelling) {
        assertTrue(Ipv4Spellings.parse(spelling).isEmpty(), spelling);
    }
}
