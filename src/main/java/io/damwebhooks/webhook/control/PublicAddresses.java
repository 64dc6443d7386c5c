package io.damwebhooks.webhook.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a delivery may reach when {@code webhooks.delivery.allow-private-networks} is off:
 * only public unicast ones. Everything that leads back into the service's own host or network —
 * loopback, private, link-local (with the cloud metadata address 169.254.169.254), carrier-grade NAT,
 * unique-local, unspecified, multicast, reserved and documentation ranges — is refused, and so are
 * IPv6 forms that embed such an IPv4 address.
 */
public final class PublicAddresses {

    private PublicAddresses() { }

    public static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address) return isPublicV4(address.getAddress());
        if (address instanceof Inet6Address) return isPublicV6(address.getAddress());
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff, a1 = b[1] & 0xff, a2 = b[2] & 0xff;
        return !(a0 == 0                                   // "this network", 0.0.0.0
                || a0 == 10                                // private
                || a0 == 127                               // loopback
                || (a0 == 100 && (a1 & 0xc0) == 64)        // carrier-grade NAT 100.64/10
                || (a0 == 169 && a1 == 254)                // link-local, cloud metadata
                || (a0 == 172 && (a1 & 0xf0) == 16)        // private 172.16/12
                || (a0 == 192 && a1 == 0 && a2 == 0)       // IETF protocol assignments
                || (a0 == 192 && a1 == 0 && a2 == 2)       // documentation
                || (a0 == 192 && a1 == 88 && a2 == 99)     // 6to4 relay anycast
                || (a0 == 192 && a1 == 168)                // private
                || (a0 == 198 && (a1 & 0xfe) == 18)        // benchmarking 198.18/15
                || (a0 == 198 && a1 == 51 && a2 == 100)    // documentation
                || (a0 == 203 && a1 == 0 && a2 == 113)     // documentation
                || a0 >= 224);                             // multicast, reserved, broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        int first = b[0] & 0xff, second = b[1] & 0xff;
        if (allZero(b, 0, 10)) {
            // ::, ::1, IPv4-compatible ::a.b.c.d and IPv4-mapped ::ffff:a.b.c.d
            boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            return (mapped || allZero(b, 10, 12)) && !allZero(b, 12, 14) && isPublicV4(tail(b, 12));
        }
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return isPublicV4(tail(b, 12));                // NAT64 64:ff9b::/96 embeds an IPv4 address
        }
        if (first == 0x20 && second == 0x02) return isPublicV4(tail(b, 2)); // 6to4 2002::/16
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) return false; // Teredo
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) return false; // documentation
        return (first & 0xe0) == 0x20;                     // global unicast 2000::/3 only
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }

    private static InetAddress tail(byte[] b, int from) {
        return v4(new byte[]{b[from], b[from + 1], b[from + 2], b[from + 3]});
    }

    private static InetAddress v4(byte[] four) {
        try {
            return InetAddress.getByAddress(four);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isPublicV4(InetAddress v4) {
        return isPublicV4(v4.getAddress());
    }
}
