package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cookierelay.config.InvalidSettingException;
import dev.cookierelay.testing.ShippedSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProxySettingsTest {

    @Test
    void readsEveryLimitFromItsKey() {
        ProxySettings settings = ProxySettings.from(ShippedSettings.with(
                "BACKEND_TIMEOUT_SECONDS", "2", "BACKEND_CONNECT_TIMEOUT_SECONDS", "3",
                "BACKEND_IDLE_TIMEOUT_SECONDS", "4", "AUTH_COOKIE_MAX_LENGTH", "6"));

        assertThat(settings).isEqualTo(new ProxySettings(
                Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4), 6));
    }

    @Test
    void idleTimeoutZeroMeansNoLimit() {
        assertThat(ProxySettings.from(ShippedSettings.with("BACKEND_IDLE_TIMEOUT_SECONDS", "0")).idleTimeout())
                .isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @CsvSource({
        "BACKEND_TIMEOUT_SECONDS, 0",
        "BACKEND_TIMEOUT_SECONDS, 86401",
        "BACKEND_TIMEOUT_SECONDS, thirty",
        "BACKEND_CONNECT_TIMEOUT_SECONDS, 0",
        "BACKEND_CONNECT_TIMEOUT_SECONDS, 601",
        "BACKEND_IDLE_TIMEOUT_SECONDS, -1",
        "AUTH_COOKIE_MAX_LENGTH, 0",
        "AUTH_COOKIE_MAX_LENGTH, 65537",
    })
    void rejectsAnOutOfRangeOrMalformedValueNamingItsKey(String key, String value) {
        assertThatThrownBy(() -> ProxySettings.from(ShippedSettings.with(key, value)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(key)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BACKEND_TIMEOUT_SECONDS", "BACKEND_CONNECT_TIMEOUT_SECONDS", "BACKEND_IDLE_TIMEOUT_SECONDS",
        "AUTH_COOKIE_MAX_LENGTH"})
    void rejectsAMissingValueNamingItsKey(String key) {
        assertThatThrownBy(() -> ProxySettings.from(ShippedSettings.with(key, "")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(key);
    }
}
