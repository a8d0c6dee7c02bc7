package dev.cookierelay.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cookierelay.config.InvalidSettingException;
import dev.cookierelay.config.SettingsSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthSettingsTest {

    @Test
    void readsIntervalInSecondsAndTimeoutInMillis() {
        HealthSettings settings = HealthSettings.from(SettingsSource.of(Map.of(
                "HEALTH_CHECK_INTERVAL_SECONDS", "10", "HEALTH_CHECK_TIMEOUT_MILLIS", "750")));

        assertThat(settings.checkInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.probeTimeout()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void rejectsAZeroIntervalNamingTheKey() {
        assertThatThrownBy(() -> HealthSettings.from(SettingsSource.of(Map.of(
                "HEALTH_CHECK_INTERVAL_SECONDS", "0", "HEALTH_CHECK_TIMEOUT_MILLIS", "750"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("HEALTH_CHECK_INTERVAL_SECONDS");
    }

    @Test
    void rejectsAMissingTimeoutNamingTheKey() {
        assertThatThrownBy(() -> HealthSettings.from(SettingsSource.of(Map.of("HEALTH_CHECK_INTERVAL_SECONDS", "5"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("HEALTH_CHECK_TIMEOUT_MILLIS");
    }
}
