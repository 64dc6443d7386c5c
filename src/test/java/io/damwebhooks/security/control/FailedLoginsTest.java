package io.damwebhooks.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.damwebhooks.platform.control.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Failed logins slowed per user name and per address, on a manual clock. */
class FailedLoginsTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final FailedLogins logins = new FailedLogins(
            new FailedLogins.Rules(5, 20, Duration.ofMinutes(15), Duration.ofSeconds(5), Duration.ofMinutes(1)), clock);

    @Test
    void fromTheFifthFailureOnAUserWaitsEachTimeTwiceAsLongUpToTheLongestWait() {
        for (int i = 1; i <= 4; i++) {
            assertEquals(Duration.ZERO, logins.failed("admin", "10.0.0.1").delay(), "failure " + i);
            assertEquals(Duration.ZERO, logins.waitFor("admin", "10.0.0.1"));
        }
        assertEquals(Duration.ofSeconds(5), logins.failed("admin", "10.0.0.1").delay());
        assertEquals(Duration.ofSeconds(5), logins.waitFor("Admin", "10.0.0.2"), "the user name, from any address, in any case");
        clock.advance(Duration.ofSeconds(3));
        assertEquals(Duration.ofSeconds(2), logins.waitFor("admin", "10.0.0.1"));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Duration.ZERO, logins.waitFor("admin", "10.0.0.1"));
        assertEquals(Duration.ofSeconds(10), logins.failed("admin", "10.0.0.1").delay(), "growing");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(20), logins.failed("admin", "10.0.0.1").delay());
        for (int i = 0; i < 5; i++) logins.failed("admin", "10.0.0.1");
        assertEquals(Duration.ofMinutes(1), logins.waitFor("admin", "10.0.0.1"), "at most the longest wait");
        assertEquals(Duration.ZERO, logins.waitFor("ops", "10.0.0.9"), "another user elsewhere is not slowed");
    }

    @Test
    void aSuccessForgetsTheFailures() {
        for (int i = 0; i < 4; i++) logins.failed("admin", "10.0.0.1");
        logins.succeeded("admin", "10.0.0.1");
        for (int i = 0; i < 4; i++) assertEquals(Duration.ZERO, logins.failed("admin", "10.0.0.1").delay());
    }

    @Test
    void oneAddressTryingManyNamesWaitsFromItsTwentiethFailure() {
        for (int i = 1; i < 20; i++) assertEquals(Duration.ZERO, logins.failed("user" + i, "10.0.0.7").delay(), "failure " + i);
        assertEquals(Duration.ofSeconds(5), logins.failed("user20", "10.0.0.7").delay());
        assertEquals(Duration.ofSeconds(5), logins.waitFor("admin", "10.0.0.7"), "whoever it tries next");
        assertEquals(Duration.ZERO, logins.waitFor("admin", "10.0.0.8"));
    }

    @Test
    void failuresAreForgottenAfterAQuietWindow() {
        for (int i = 0; i < 4; i++) logins.failed("admin", "10.0.0.1");
        clock.advance(Duration.ofMinutes(16));
        assertEquals(1, logins.failed("admin", "10.0.0.1").failures());
        assertEquals(Duration.ZERO, logins.waitFor("admin", "10.0.0.1"));
    }

    @Test
    void aLogLineNeverCarriesABreakOrQuote() {
        assertEquals("eve?Forged: \"x\"".replace("\"", "?"), LoginThrottle.printable("eve\nForged: \"x\""));
        assertEquals(101, LoginThrottle.printable("a".repeat(500)).length());
    }

}
