package dev.cookierelay.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cookierelay.config.InvalidSettingException;
import dev.cookierelay.config.SettingsSource;
import dev.cookierelay.security.SecuritySettings.CsrfMode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecuritySettingsTest {

    private static Map<String, String> defaults() {
        Map<String, String> values = new HashMap<>();
        values.put("RELAY_CSRF_MODE", "origin");
        values.put("RELAY_CSRF_ALL_METHODS", "false");
        values.put("RELAY_CSRF_HEADER", "X-CSRF");
        values.put("RELAY_CSRF_HEADER_VALUE", "1");
        values.put("RELAY_TRUSTED_ORIGINS", "");
        return values;
    }

    private static void assertRejected(String key, String value) {
        Map<String, String> values = defaults();
        values.put(key, value);
        assertThatThrownBy(() -> SecuritySettings.from(SettingsSource.of(values)))
                .isInstanceOf(InvalidSettingException.class)
                .satisfies(e -> assertThat(((InvalidSettingException) e).key()).isEqualTo(key));
    }

    @Test
    void readsDefaults() {
        SecuritySettings settings = SecuritySettings.from(SettingsSource.of(defaults()));
        assertThat(settings.csrfMode()).isEqualTo(CsrfMode.ORIGIN);
        assertThat(settings.corsEnabled()).isFalse();
    }

    @Test
    void normalisesTrustedOrigins() {
        Map<String, String> values = defaults();
        values.put("RELAY_TRUSTED_ORIGINS", "HTTPS://App.Example:443, http://localhost:3000");
        assertThat(SecuritySettings.from(SettingsSource.of(values)).trustedOrigins())
                .containsExactlyInAnyOrder("https://app.example", "http://localhost:3000");
    }

    @Test
    void rejectsUnknownMode() {
        assertRejected("RELAY_CSRF_MODE", "lax");
    }

    @Test
    void rejectsWildcardNullOrPathAsTrustedOrigin() {
        assertRejected("RELAY_TRUSTED_ORIGINS", "*");
        assertRejected("RELAY_TRUSTED_ORIGINS", "null");
        assertRejected("RELAY_TRUSTED_ORIGINS", "https://app.example/");
        assertRejected("RELAY_TRUSTED_ORIGINS", "app.example");
    }

    @Test
    void rejectsInvalidHeaderNameOrValue() {
        assertRejected("RELAY_CSRF_HEADER", "X CSRF");
        assertRejected("RELAY_CSRF_HEADER_VALUE", "a b");
    }

    @Test
    void rejectsNonBooleanAllMethods() {
        assertRejected("RELAY_CSRF_ALL_METHODS", "yes");
    }
}
