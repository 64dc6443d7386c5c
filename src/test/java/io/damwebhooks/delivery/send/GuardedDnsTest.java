package io.damwebhooks.delivery.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The SSRF guard on names that resolve here without any network: loopback, private, metadata. */
class GuardedDnsTest {

    final GuardedDns guarded = new GuardedDns(false);

    @Test
    void refusesNamesAndLiteralsThatLeadIntoPrivateNetworks() {
        for (String host : new String[]{"localhost", "127.0.0.1", "10.1.2.3", "169.254.169.254", "192.168.0.1", "::1", "[::ffff:127.0.0.1]"}) {
            GuardedDns.NotPublicAddress refused = assertThrows(GuardedDns.NotPublicAddress.class,
                    () -> guarded.resolve(host), host);
            assertTrue(refused.getMessage().contains("webhooks.delivery.allow-private-networks"), refused.getMessage());
        }
    }

    @Test
    void letsPublicLiteralsThrough() throws Exception {
        assertEquals(InetAddress.getByName("93.184.216.34"), guarded.resolve("93.184.216.34")[0]);
    }

    @Test
    void allowPrivateNetworksLiftsTheGuard() throws Exception {
        assertTrue(new GuardedDns(true).resolve("127.0.0.1")[0].isLoopbackAddress());
    }
}
