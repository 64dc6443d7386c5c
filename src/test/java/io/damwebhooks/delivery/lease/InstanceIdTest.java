package io.damwebhooks.delivery.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class InstanceIdTest {

    @Test
    void configuredWins() {
        assertEquals("eu-1", InstanceId.of(config(Map.of("webhooks.instance.id", " eu-1 ", "payara.instance.http.port", "8080"))));
        assertThrows(IllegalArgumentException.class, () -> InstanceId.of(config(Map.of("webhooks.instance.id", "x".repeat(101)))));
    }

    @Test
    void byDefaultHostAndHttpPortSoThatARestartIsItselfAgain() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        assertEquals(host + ":8113", InstanceId.of(config(Map.of("payara.instance.http.port", "8113"))));
        assertEquals(host + ":8180", InstanceId.of(config(Map.of("jboss.http.port", "8080", "jboss.socket.binding.port-offset", "100"))));
        assertEquals(host + ":9080", InstanceId.of(config(Map.of("default.http.port", "9080"))));
        assertEquals(host + ":8113", InstanceId.of(config(Map.of("webhooks.instance.id", " ", "payara.instance.http.port", "8113"))));
    }

    @Test
    void withoutAPortEachStartIsSomeoneNew() {
        String first = InstanceId.of(config(Map.of()));
        assertNotEquals(first, InstanceId.of(config(Map.of("payara.instance.http.port", "not a number"))));
        assertTrue(first.length() <= InstanceId.MAX_LENGTH, first);
    }

    private static Config config(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class}, (proxy, method, args) -> {
            if (method.getName().equals("getOptionalValue")) return Optional.ofNullable(values.get((String) args[0]));
            throw new UnsupportedOperationException(method.getName());
        });
    }
}
