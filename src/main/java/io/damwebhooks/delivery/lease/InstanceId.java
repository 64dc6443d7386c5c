package io.damwebhooks.delivery.lease;

import io.damwebhooks.platform.entity.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who holds a lease: {@code webhooks.instance.id}, by default this host's name and HTTP port, so that
 * an instance restarted in the same place is itself again and can take back the leases it held when
 * it died ({@link LeaseRecovery}). Ids must differ between instances that run at the same time.
 */
@ApplicationScoped
public class InstanceId {

    private static final Logger LOG = Logger.getLogger(InstanceId.class.getName());
    /** The width of {@code delivery.leased_by}. */
    static final int MAX_LENGTH = 100;

    private volatile String id;

    public String get() {
        String known = id;
        if (known == null) {
            known = of(ConfigProvider.getConfig(InstanceId.class.getClassLoader()));
            id = known;
        }
        return known;
    }

    static String of(Config config) {
        Optional<String> configured = config.getOptionalValue("webhooks.instance.id", String.class).map(String::trim)
                .filter(value -> !value.isEmpty());
        if (configured.isPresent()) {
            if (configured.get().length() > MAX_LENGTH) {
                throw new IllegalArgumentException("webhooks.instance.id is longer than " + MAX_LENGTH + " characters");
            }
            return configured.get();
        }
        String host = hostName();
        host = host.substring(0, Math.min(host.length(), MAX_LENGTH - 28)); // room for a port, or for a random id
        Optional<Integer> port = httpPort(config);
        if (port.isPresent()) return host + ":" + port.get();
        // two instances on one host must never share an id: without a port, this one gets a new id per
        // start, and its leases come back by running out, as they did before ids were stable
        String random = Ids.next(host);
        LOG.warning(() -> "No HTTP port known to make webhooks.instance.id from; using " + random
                + " for this run. Set webhooks.instance.id so that a restart takes back its leases at once.");
        return random;
    }

    /** The HTTP port, where the server says: Payara (Server and Micro), WildFly, Open Liberty. */
    static Optional<Integer> httpPort(Config config) {
        Optional<Integer> payara = number(config, "payara.instance.http.port");
        if (payara.isPresent()) return payara;
        Optional<Integer> wildfly = number(config, "jboss.http.port");
        if (wildfly.isPresent()) return Optional.of(wildfly.get() + number(config, "jboss.socket.binding.port-offset").orElse(0));
        return number(config, "default.http.port");
    }

    private static Optional<Integer> number(Config config, String key) {
        try {
            return config.getOptionalValue(key, String.class).map(String::trim).map(Integer::valueOf);
        } catch (IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }
}
