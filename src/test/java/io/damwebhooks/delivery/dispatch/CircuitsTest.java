package io.damwebhooks.delivery.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CircuitsTest {

    static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    final Circuits circuits = new Circuits(2, 3, Duration.ofSeconds(30));

    @Test
    void aWebhookGetsAtMostItsConcurrencyAndOthersAreUnaffected() {
        assertTrue(circuits.tryStart("slow", T0));
        assertTrue(circuits.tryStart("slow", T0));
        assertFalse(circuits.tryStart("slow", T0));
        assertEquals(2, circuits.room("slow", 0, T0), "one more round may wait");
        assertEquals(1, circuits.room("slow", 1, T0));
        assertEquals(4, circuits.room("fast", 0, T0));
        assertTrue(circuits.tryStart("fast", T0));
        circuits.finished("slow", false, T0);
        assertTrue(circuits.tryStart("slow", T0));
    }

    @Test
    void consecutiveTroubleOpensTheCircuitAndAProbeClosesIt() {
        for (int i = 0; i < 2; i++) {
            circuits.tryStart("dead", T0);
            assertEquals(Optional.empty(), circuits.finished("dead", true, T0));
        }
        circuits.tryStart("dead", T0);
        assertEquals(Optional.of(T0.plusSeconds(30)), circuits.finished("dead", true, T0));
        assertFalse(circuits.tryStart("dead", T0.plusSeconds(29)));
        assertEquals(Optional.of(T0.plusSeconds(30)), circuits.openUntil("dead", T0.plusSeconds(29)));
        assertEquals(0, circuits.room("dead", 0, T0.plusSeconds(29)), "open: nothing is claimed");
        assertEquals(1, circuits.room("dead", 0, T0.plusSeconds(31)), "half-open: one probe is claimed");

        Instant later = T0.plusSeconds(31);
        assertTrue(circuits.tryStart("dead", later), "half-open: one probe");
        assertFalse(circuits.tryStart("dead", later), "only one probe at a time");
        assertEquals(Optional.of(later.plusSeconds(30)), circuits.finished("dead", true, later), "a failed probe opens it again");

        Instant muchLater = later.plusSeconds(31);
        assertTrue(circuits.tryStart("dead", muchLater));
        assertEquals(Optional.empty(), circuits.finished("dead", false, muchLater));
        assertEquals(Optional.empty(), circuits.openUntil("dead", muchLater));
        assertTrue(circuits.tryStart("dead", muchLater));
        assertTrue(circuits.tryStart("dead", muchLater));
    }

    @Test
    void anAnswerThatIsNotTroubleResetsTheCount() {
        for (int i = 0; i < 10; i++) {
            circuits.tryStart("flaky", T0);
            circuits.finished("flaky", i % 2 == 0, T0);
        }
        assertEquals(Optional.empty(), circuits.openUntil("flaky", T0));
    }
}
