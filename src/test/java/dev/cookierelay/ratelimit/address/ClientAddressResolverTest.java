package dev.cookierelay.ratelimit.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressResolverTest {

    private final ClientAddressResolver behindProxies = new ClientAddressResolver(
            TrustedProxies.parse("K", List.of("10.0.0.0/8")));

    private static String resolved(ClientAddressResolver resolver, String peer, String... forwardedFor) {
        return resolver.resolve(peer, List.of(forwardedFor)).map(InetAddress::getHostAddress).orElse("none");
    }

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        ClientAddressResolver direct = new ClientAddressResolver(TrustedProxies.none());

        assertThat(resolved(direct, "198.51.100.9", "203.0.113.5")).isEqualTo("198.51.100.9");
    }

    @Test
    void headerFromAnUntrustedPeerIsIgnored() {
        assertThat(resolved(behindProxies, "198.51.100.9", "10.0.0.1, 203.0.113.5")).isEqualTo("198.51.100.9");
    }

    @Test
    void trustedPeerNamesTheClient() {
        assertThat(resolved(behindProxies, "10.0.0.2", "203.0.113.5")).isEqualTo("203.0.113.5");
    }

    @Test
    void walksFromTheRightPastTrustedHopsAndIgnoresWhatTheClientWrote() {
        // The client sent "X-Forwarded-For: 1.1.1.1"; the edge proxy appended the real peer, the inner one its edge.
        assertThat(resolved(behindProxies, "10.0.0.2", "1.1.1.1, 203.0.113.5, 10.0.0.3")).isEqualTo("203.0.113.5");
    }

    @Test
    void severalHeaderLinesAreOneList() {
        assertThat(resolved(behindProxies, "10.0.0.2", "1.1.1.1", "203.0.113.5", "10.0.0.3")).isEqualTo("203.0.113.5");
    }

    @Test
    void allHopsTrustedGivesTheLeftmost() {
        assertThat(resolved(behindProxies, "10.0.0.2", "10.9.9.9, 10.0.0.3")).isEqualTo("10.9.9.9");
    }

    @Test
    void garbageFromATrustedProxyKeepsTheLastVouchedAddress() {
        assertThat(resolved(behindProxies, "10.0.0.2", "203.0.113.5, unknown")).isEqualTo("10.0.0.2");
        assertThat(resolved(behindProxies, "10.0.0.2", "evil.example, 10.0.0.3")).isEqualTo("10.0.0.3");
    }

    @Test
    void missingHeaderFromATrustedPeerGivesThePeer() {
        assertThat(resolved(behindProxies, "10.0.0.2")).isEqualTo("10.0.0.2");
    }

    @Test
    void forwardedPortsAndBracketsAreDropped() {
        assertThat(resolved(behindProxies, "10.0.0.2", "[2001:db8::5]:443")).isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(resolved(behindProxies, "10.0.0.2", "203.0.113.5:51234")).isEqualTo("203.0.113.5");
    }

    @Test
    void peerThatIsNoIpLiteralGivesNoAddress() {
        assertThat(resolved(behindProxies, "")).isEqualTo("none");
    }
}
