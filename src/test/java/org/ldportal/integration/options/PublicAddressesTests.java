package org.ldportal.integration.options;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import io.netty.util.concurrent.ImmediateEventExecutor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which addresses the third-party call may connect to, decided by the resolver the
 * connection uses.
 */
class PublicAddressesTests {

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.1.2.3", "0.0.0.0", "0.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "100.64.0.1", "100.127.255.254", "169.254.169.254", "224.0.0.1", "255.255.255.255",
            "240.0.0.1", "::1", "::", "::127.0.0.1", "::10.0.0.1", "fe80::1", "fc00::1", "fd12:3456::1",
            "64:ff9b::7f00:1", "64:ff9b::a00:1", "2002:7f00:1::", "2002:c0a8:101::1", "ff02::1", "::ffff:127.0.0.1",
            "::ffff:10.1.1.1" })
    void isPublicWhenLoopbackPrivateSharedLinkLocalOrWrappedThenNot(String address) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "93.184.216.34", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.15.255.255",
            "172.32.0.1", "2606:4700::1111", "2002:5db8:d822::1", "64:ff9b::5db8:d822" })
    void isPublicWhenOnThePublicInternetThenYes(String address) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isTrue();
    }

    @Test
    void resolverWhenANameLeadsToLoopbackThenTheConnectionHasNoAddress() {
        var resolver = new PublicAddresses().getResolver(ImmediateEventExecutor.INSTANCE);

        var resolved = resolver.resolve(InetSocketAddress.createUnresolved("localhost", 443)).awaitUninterruptibly();

        assertThat(resolved.isSuccess()).isFalse();
        assertThat(resolved.cause()).isInstanceOf(PublicAddresses.NotPublicException.class)
            .hasMessageContaining("localhost is not a public address");
    }

}
