package dev.cookierelay.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cookierelay.config.InvalidSettingException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimitSettingsTest {

    @Test
    void shippedDefaultsAreValidAndDocumented() {
        RateLimitSettings settings = Settings.with();

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.limitsFor("proxy").caller()).isEqualTo(new Quota(300, Duration.ofSeconds(60)));
        assertThat(settings.limitsFor("proxy").address()).isEqualTo(new Quota(3000, Duration.ofSeconds(60)));
        assertThat(settings.trustedProxies().isEmpty()).isTrue();
        assertThat(settings.maxKeys()).isEqualTo(100_000);
        assertThat(settings.maxStreamsPerCaller()).isEqualTo(4);
        assertThat(settings.ipv6PrefixLength()).isEqualTo(64);
    }

    @Test
    void addressQuotaDefaultsToTenTimesTheRoutesCallerQuota() {
        RateLimitSettings settings = Settings.with("RATE_LIMIT_REQUESTS", "7",
                "RELAY_ROUTES", "chat", "RELAY_ROUTE_CHAT_URL", "http://backend/chat",
                "RELAY_ROUTE_CHAT_RATE_LIMIT_REQUESTS", "2");

        assertThat(settings.limitsFor("proxy").address().requests()).isEqualTo(70);
        assertThat(settings.limitsFor("chat").address().requests()).isEqualTo(20);
        assertThat(settings.limitsFor(null).address().requests()).isEqualTo(70);
    }

    @Test
    void explicitAddressQuotaAppliesToEveryRouteWithoutItsOwn() {
        RateLimitSettings settings = Settings.with("RATE_LIMIT_IP_REQUESTS", "500",
                "RELAY_ROUTES", "chat", "RELAY_ROUTE_CHAT_URL", "http://backend/chat",
                "RELAY_ROUTE_CHAT_RATE_LIMIT_REQUESTS", "2");

        assertThat(settings.limitsFor("chat").address().requests()).isEqualTo(500);
        assertThat(settings.limitsFor("proxy").address().requests()).isEqualTo(500);
    }

    @Test
    void routeOverridesReplaceOnlyWhatTheySet() {
        RateLimitSettings settings = Settings.with("RELAY_ROUTES", "chat-kit",
                "RELAY_ROUTE_CHAT_KIT_URL", "http://backend/chat",
                "RELAY_ROUTE_CHAT_KIT_RATE_LIMIT_PERIOD_SECONDS", "10",
                "RELAY_ROUTE_CHAT_KIT_RATE_LIMIT_IP_REQUESTS", "40");

        assertThat(settings.limitsFor("chat-kit").caller()).isEqualTo(new Quota(300, Duration.ofSeconds(10)));
        assertThat(settings.limitsFor("chat-kit").address()).isEqualTo(new Quota(40, Duration.ofSeconds(10)));
        assertThat(settings.longestPeriod()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void trustedProxiesAreParsed() {
        RateLimitSettings settings = Settings.with("RATE_LIMIT_TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.7 ,fd00::/8");

        assertThat(settings.trustedProxies()).hasToString("10.0.0.0/8,192.0.2.7/32,fd00:0:0:0:0:0:0:0/8");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "RATE_LIMIT_ENABLED|yes",
            "RATE_LIMIT_REQUESTS|0",
            "RATE_LIMIT_REQUESTS|ten",
            "RATE_LIMIT_PERIOD_SECONDS|0",
            "RATE_LIMIT_PERIOD_SECONDS|86401",
            "RATE_LIMIT_IP_REQUESTS|-1",
            "RATE_LIMIT_TRUSTED_PROXIES|10.0.0.0/33",
            "RATE_LIMIT_TRUSTED_PROXIES|proxy.internal",
            "RATE_LIMIT_TRUSTED_PROXIES|010.0.0.1",
            "RATE_LIMIT_IPV6_PREFIX_LENGTH|129",
            "RATE_LIMIT_MAX_KEYS|10",
            "RATE_LIMIT_MAX_STREAMS_PER_CALLER|-1",
            "RELAY_ROUTE_PROXY_RATE_LIMIT_REQUESTS|0",
            "RELAY_ROUTE_PROXY_RATE_LIMIT_PERIOD_SECONDS|1.5",
            "RELAY_ROUTE_PROXY_RATE_LIMIT_IP_REQUESTS|many",
    })
    void badValueIsRejectedNamingItsKey(String key, String value) {
        assertThatThrownBy(() -> Settings.with(key, value))
                .isInstanceOf(InvalidSettingException.class)
                .satisfies(e -> assertThat(((InvalidSettingException) e).key()).isEqualTo(key))
                .hasMessageContaining(key);
    }

    @Test
    void quotaFasterThanOneRequestPerNanosecondIsRejectedNamingItsKey() {
        assertThatThrownBy(() -> Settings.with("RATE_LIMIT_REQUESTS", "1000000000", "RATE_LIMIT_PERIOD_SECONDS", "1"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("Invalid setting RATE_LIMIT_REQUESTS:"); // its 10x address quota
        assertThatThrownBy(() -> Settings.with("RATE_LIMIT_PERIOD_SECONDS", "1",
                "RELAY_ROUTE_PROXY_RATE_LIMIT_IP_REQUESTS", "2000000000"))
                .hasMessageStartingWith("Invalid setting RELAY_ROUTE_PROXY_RATE_LIMIT_IP_REQUESTS:");
    }

    @Test
    void disabledSettingsSayOff() {
        assertThat(Settings.with("RATE_LIMIT_ENABLED", "false")).hasToString("off");
    }
}
