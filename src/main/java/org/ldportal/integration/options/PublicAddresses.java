package org.ldportal.integration.options;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

/**
 * Resolves names for the connection itself and refuses any that leads to an address not
 * on the public internet: the check and the connection use the same answer, so a name
 * that changes its address between the two (DNS rebinding) cannot slip through. Refused:
 * loopback, "this network" (0.0.0.0/8), private (10/8, 172.16/12, 192.168/16), shared
 * carrier-grade NAT (100.64.0.0/10), link-local, multicast, broadcast and reserved
 * (240/4), IPv6 unique-local (fc00::/7), and IPv4 addresses wrapped in IPv6:
 * IPv4-compatible ({@code ::127.0.0.1}), NAT64 ({@code 64:ff9b::/96}) and 6to4
 * ({@code 2002::/16}).
 */
final class PublicAddresses extends AddressResolverGroup<InetSocketAddress> {

    /** A name that leads to an address the portal must not connect to. */
    static final class NotPublicException extends UnknownHostException {

        NotPublicException(String host) {
            super(host + " is not a public address");
        }

    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                try {
                    promise.setSuccess(resolvePublic(host).get(0));
                }
                catch (UnknownHostException e) {
                    promise.setFailure(e);
                }
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                try {
                    promise.setSuccess(resolvePublic(host));
                }
                catch (UnknownHostException e) {
                    promise.setFailure(e);
                }
            }
        });
    }

    /**
     * Every address of the name, when all are public; one that is not refuses the name.
     */
    static List<InetAddress> resolvePublic(String host) throws UnknownHostException {
        List<InetAddress> addresses = List.of(InetAddress.getAllByName(host));
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new NotPublicException(host);
            }
        }
        return addresses;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if (allZero(bytes, 0, 12)) {
                return isPublicIpv4(slice(bytes, 12)); // IPv4-compatible ::a.b.c.d (and
                                                       // :: itself)
            }
            if (bytes[0] == 0x00 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b
                    && allZero(bytes, 4, 12)) {
                return isPublicIpv4(slice(bytes, 12)); // NAT64 64:ff9b::/96
            }
            if (bytes[0] == 0x20 && bytes[1] == 0x02) {
                return isPublicIpv4(slice(bytes, 2)); // 6to4 2002::/16 carries an IPv4
                                                      // address
            }
        }
        return true;
    }

    private static boolean isPublicIpv4(byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return !(first == 0 || first == 10 || first == 127 || first >= 224
                || (first == 100 && second >= 64 && second <= 127) || (first == 169 && second == 254)
                || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168));
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] bytes, int from) {
        return new byte[] { bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3] };
    }

}
