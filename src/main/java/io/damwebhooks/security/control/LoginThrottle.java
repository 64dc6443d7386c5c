package io.damwebhooks.security.control;

import io.damwebhooks.platform.control.Durations;
import io.damwebhooks.platform.control.Metrics;
import io.prometheus.metrics.core.metrics.Counter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing against every identity store of the application (the built-in users and a
 * DAM's own): {@link FailedLogins} with the {@code webhooks.security.login.*} settings. Each failed
 * login is logged once, with the user name and the client address (never the password), and counted in
 * {@code webhooks_login_failures_total}; logins refused for waiting are counted in
 * {@code webhooks_login_throttled_total}.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    @Inject
    Metrics metrics;

    @Inject
    @ConfigProperty(name = "webhooks.security.login.failures-per-user", defaultValue = "5")
    int perUser;

    @Inject
    @ConfigProperty(name = "webhooks.security.login.failures-per-address", defaultValue = "20")
    int perAddress;

    @Inject
    @ConfigProperty(name = "webhooks.security.login.window", defaultValue = "15m")
    String window;

    @Inject
    @ConfigProperty(name = "webhooks.security.login.first-wait", defaultValue = "5s")
    String firstWait;

    @Inject
    @ConfigProperty(name = "webhooks.security.login.longest-wait", defaultValue = "15m")
    String longestWait;

    private FailedLogins logins;
    private Counter failures;
    private Counter throttled;

    @PostConstruct
    void configure() {
        logins = new FailedLogins(new FailedLogins.Rules(perUser, perAddress,
                Durations.parse("webhooks.security.login.window", window),
                Durations.parse("webhooks.security.login.first-wait", firstWait),
                Durations.parse("webhooks.security.login.longest-wait", longestWait)), Clock.systemUTC());
        failures = Counter.builder().name("webhooks_login_failures_total")
                .help("Logins refused for an unknown user or a wrong password").register(metrics.registry());
        throttled = Counter.builder().name("webhooks_login_throttled_total")
                .help("Logins answered 429 without a password check, after too many failures").register(metrics.registry());
    }

    /** How long this login must wait (zero: check its password now); a wait is counted as throttled. */
    public Duration waitFor(String user, String address) {
        Duration wait = logins.waitFor(user, address);
        if (!wait.isZero()) throttled.inc();
        return wait;
    }

    public void failed(String user, String address) {
        FailedLogins.Failure failure = logins.failed(user, address);
        failures.inc();
        LOG.warning(() -> "failed login for user \"" + printable(user) + "\" from " + address + " (" + failure.failures()
                + " in a row" + (failure.delay().isZero() ? "" : "; its next login waits " + failure.delay().toSeconds() + " s") + ")");
    }

    public void succeeded(String user, String address) {
        logins.succeeded(user, address);
    }

    /** The name as typed, but never a line break or control character that could forge a log line. */
    static String printable(String user) {
        String name = user == null ? "" : user.length() > 100 ? user.substring(0, 100) + "…" : user;
        return name.replaceAll("[\\p{Cntrl}\"\\\\]", "?");
    }
}
