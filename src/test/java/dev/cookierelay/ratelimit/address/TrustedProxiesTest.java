package dev.cookierelay.ratelimit.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cookierelay.config.InvalidSettingException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    private static byte[] ip(String literal) {
        return IpLiteral.parse(literal).orElseThrow();
    }

    @Test
    void cidrRangeContainsItsAddressesOnly() {
        TrustedProxies proxies = TrustedProxies.parse("K", List.of("10.0.0.0/8", "172.16.0.0/12"));

        assertThat(proxies.contains(ip("10.255.1.2"))).isTrue();
        assertThat(proxies.contains(ip("172.31.255.255"))).isTrue();
        assertThat(proxies.contains(ip("172.32.0.1"))).isFalse();
        assertThat(proxies.contains(ip("11.0.0.1"))).isFalse();
    }

    @Test
    void singleAddressMatchesExactly() {
        TrustedProxies proxies = TrustedProxies.parse("K", List.of("192.0.2.7", "2001:db8::7"));

        assertThat(proxies.contains(ip("192.0.2.7"))).isTrue();
        assertThat(proxies.contains(ip("192.0.2.8"))).isFalse();
        assertThat(proxies.contains(ip("2001:db8::7"))).isTrue();
        assertThat(proxies.contains(ip("2001:db8::8"))).isFalse();
    }

    @Test
    void ipv6RangeAndIpv4MappedForms() {
        TrustedProxies proxies = TrustedProxies.parse("K", List.of("fd00::/8", "::ffff:10.0.0.0/104"));

        assertThat(proxies.contains(ip("fd12:3456::1"))).isTrue();
        assertThat(proxies.contains(ip("fe80::1"))).isFalse();
        assertThat(proxies.contains(ip("10.1.2.3"))).isTrue();
        assertThat(proxies.contains(ip("::ffff:10.1.2.3"))).isTrue();
    }

    @Test
    void prefixWithUnalignedBits() {
        TrustedProxies proxies = TrustedProxies.parse("K", List.of("192.0.2.64/26"));

        assertThat(proxies.contains(ip("192.0.2.64"))).isTrue();
        assertThat(proxies.contains(ip("192.0.2.127"))).isTrue();
        assertThat(proxies.contains(ip("192.0.2.128"))).isFalse();
        assertThat(proxies.contains(ip("192.0.2.63"))).isFalse();
    }

    @Test
    void noneTrustsNothing() {
        assertThat(TrustedProxies.none().contains(ip("127.0.0.1"))).isFalse();
        assertThat(TrustedProxies.parse("K", List.of()).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/08", "proxy.local", "[::1]", "::/129", "*"})
    void badEntryNamesTheKey(String entry) {
        assertThatThrownBy(() -> TrustedProxies.parse("RATE_LIMIT_TRUSTED_PROXIES", List.of(entry)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("RATE_LIMIT_TRUSTED_PROXIES");
    }
}
