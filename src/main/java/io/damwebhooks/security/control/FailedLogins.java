package io.damwebhooks.security.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins counted per user name and per client address. A key's failures are forgotten once it
 * had none for {@code window}. From its {@code threshold}-th failure on, every further failure makes
 * the key wait before its next password check: {@code firstWait}, then twice as long each time, at
 * most {@code longestWait}. A success forgets both of its keys.
 */
public final class FailedLogins {

    /** The limits: failures before the first wait, per user name and per address; the window; the waits. */
    public record Rules(int perUser, int perAddress, Duration window, Duration firstWait, Duration longestWait) { }

    /** What a failure did: how many there were in a row, and how long the key now waits (zero: none). */
    public record Failure(int failures, Duration delay) { }

    private static final int MAX_KEYS = 10_000;

    private final Rules rules;
    private final Clock clock;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    private static final class Count {
        int failures;
        Instant last = Instant.MIN;
        Instant blockedUntil = Instant.MIN;
    }

    public FailedLogins(Rules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** How long a login as {@code user} from {@code address} must wait before its password is checked. */
    public Duration waitFor(String user, String address) {
        Instant now = clock.instant();
        Duration byUser = remaining(counts.get(userKey(user)), now);
        Duration byAddress = remaining(counts.get(addressKey(address)), now);
        return byUser.compareTo(byAddress) >= 0 ? byUser : byAddress;
    }

    /** Counts a failure for both keys; answers the user's count and the longer of the two waits. */
    public Failure failed(String user, String address) {
        Instant now = clock.instant();
        if (counts.size() > MAX_KEYS) counts.values().removeIf(c -> forgotten(c, now)); // a spray of names
        Failure byUser = count(userKey(user), rules.perUser(), now);
        Failure byAddress = count(addressKey(address), rules.perAddress(), now);
        return new Failure(byUser.failures(), byUser.delay().compareTo(byAddress.delay()) >= 0 ? byUser.delay() : byAddress.delay());
    }

    public void succeeded(String user, String address) {
        counts.remove(userKey(user));
        counts.remove(addressKey(address));
    }

    private Failure count(String key, int threshold, Instant now) {
        Count count = counts.computeIfAbsent(key, k -> new Count());
        synchronized (count) {
            if (forgotten(count, now)) count.failures = 0;
            count.failures++;
            count.last = now;
            Duration wait = Duration.ZERO;
            if (count.failures >= threshold) {
                int doublings = Math.min(count.failures - threshold, 30);
                wait = rules.firstWait().multipliedBy(1L << doublings);
                if (wait.compareTo(rules.longestWait()) > 0) wait = rules.longestWait();
                count.blockedUntil = now.plus(wait);
            }
            return new Failure(count.failures, wait);
        }
    }

    private boolean forgotten(Count count, Instant now) {
        return count.last.plus(rules.window()).isBefore(now) && !count.blockedUntil.isAfter(now);
    }

    private static Duration remaining(Count count, Instant now) {
        if (count == null) return Duration.ZERO;
        synchronized (count) {
            return count.blockedUntil.isAfter(now) ? Duration.between(now, count.blockedUntil) : Duration.ZERO;
        }
    }

    private static String userKey(String user) {
        return "user:" + (user == null ? "" : user.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
