package io.damwebhooks.delivery.send;

import io.damwebhooks.platform.control.Durations;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The default of the attempt's Fault Tolerance timeout ({@link #KEY}, in milliseconds) is
 * {@code webhooks.delivery.timeout}: a MicroProfile Config source that answers the one key from the
 * other. Its ordinal is below every standard source, so the FT key set anywhere (system property,
 * environment, the WAR's properties) wins. Registered in {@code META-INF/services}.
 */
public class AttemptTimeout implements ConfigSource {

    /** Fault Tolerance's standard key for {@code @Timeout} on {@link Sender#send}. */
    public static final String KEY = Sender.class.getName() + "/send/Timeout/value";

    /** Under the WAR's own properties file (100), environment (300) and system properties (400). */
    static final int ORDINAL = 50;

    /** Asking the configuration from inside a source: a guard against being asked our own key meanwhile. */
    private static final ThreadLocal<Boolean> READING = ThreadLocal.withInitial(() -> false);

    @Override
    public String getValue(String key) {
        if (!KEY.equals(key) || READING.get()) return null;
        READING.set(true);
        try {
            String timeout = ConfigProvider.getConfig(AttemptTimeout.class.getClassLoader())
                    .getOptionalValue("webhooks.delivery.timeout", String.class).orElse("15s");
            return Long.toString(Durations.parse("webhooks.delivery.timeout", timeout).toMillis());
        } finally {
            READING.set(false);
        }
    }

    /** The attempt's timeout in effect, in milliseconds: the FT key, or else {@code webhooks.delivery.timeout}. */
    public static long millis() {
        return ConfigProvider.getConfig(AttemptTimeout.class.getClassLoader()).getOptionalValue(KEY, Long.class)
                .orElseGet(() -> Long.parseLong(new AttemptTimeout().getValue(KEY)));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        String value = getValue(KEY);
        return value == null ? Map.of() : Map.of(KEY, value);
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return "dam-webhooks: " + KEY + " from webhooks.delivery.timeout";
    }
}
