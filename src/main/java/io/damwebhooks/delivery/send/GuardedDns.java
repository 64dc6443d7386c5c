package io.damwebhooks.delivery.send;

import io.damwebhooks.webhook.control.PublicAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The SSRF guard. The HTTP client asks this resolver for the addresses of a host each time it opens
 * a connection, and then connects to exactly the addresses answered here — so the check and the
 * connect see the same answer, and a name whose DNS answer changes between the two (DNS rebinding)
 * cannot slip through. TLS still verifies and sends SNI for the name, not the address. A name with
 * any non-public address is refused as a whole.
 */
public class GuardedDns extends SystemDefaultDnsResolver {

    private final boolean allowPrivateNetworks;

    public GuardedDns(boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = super.resolve(host);
        if (allowPrivateNetworks) return addresses;
        for (InetAddress address : addresses) {
            if (!PublicAddresses.isPublic(address)) throw new NotPublicAddress(host, address);
        }
        return addresses;
    }

    /** The refusal, recorded as the attempt's error. */
    public static class NotPublicAddress extends UnknownHostException {
        NotPublicAddress(String host, InetAddress address) {
            super("refused: " + host + " resolves to the non-public address " + address.getHostAddress()
                    + " (webhooks.delivery.allow-private-networks is off)");
        }
    }
}
