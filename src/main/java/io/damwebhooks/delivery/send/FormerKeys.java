package io.damwebhooks.delivery.send;

import io.damwebhooks.platform.control.DatabaseRetry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Fault Tolerance keys name their class. Sender, TokenEndpoint and DatabaseRetry once lived in
 * {@code io.damwebhooks.delivery.control}, and deployments tune them by those names: this source answers
 * each of today's keys with the value its former name has, so both spellings keep working. Its ordinal
 * is under every standard source (today's name set anywhere wins) and over {@link AttemptTimeout}'s
 * default. Registered in {@code META-INF/services}.
 */
public class FormerKeys implements ConfigSource {

    static final String FORMER_PACKAGE = "io.damwebhooks.delivery.control.";
    static final int ORDINAL = 60;
    private static final List<Class<?>> MOVED = List.of(Sender.class, TokenEndpoint.class, DatabaseRetry.class);

    /** Asking the configuration from inside a source: a guard against being asked meanwhile. */
    private static final ThreadLocal<Boolean> READING = ThreadLocal.withInitial(() -> false);

    @Override
    public String getValue(String key) {
        if (READING.get()) return null;
        return former(key).flatMap(FormerKeys::read).orElse(null);
    }

    /** The key's former spelling, when it names a moved class's policy. */
    static Optional<String> former(String key) {
        return MOVED.stream().filter(moved -> key.startsWith(moved.getName() + "/")).findFirst()
                .map(moved -> FORMER_PACKAGE + key.substring(moved.getPackageName().length() + 1));
    }

    private static Optional<String> read(String key) {
        READING.set(true);
        try {
            return ConfigProvider.getConfig(FormerKeys.class.getClassLoader()).getOptionalValue(key, String.class);
        } finally {
            READING.set(false);
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return "dam-webhooks: Fault Tolerance keys by their former class names";
    }
}
