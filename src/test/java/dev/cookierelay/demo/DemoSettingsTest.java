package dev.cookierelay.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cookierelay.config.InvalidSettingException;
import dev.cookierelay.config.SettingsSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

    @Test
    void readsEnabledFlagAndToken() {
        DemoSettings settings = DemoSettings.from(SettingsSource.of(Map.of(
                "RELAY_DEMO_ENABLED", "TRUE", "RELAY_DEMO_TOKEN", "abc.def-123")));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.token()).isEqualTo("abc.def-123");
    }

    @Test
    void rejectsEnabledFlagThatIsNotABoolean() {
        assertThatThrownBy(() -> DemoSettings.from(SettingsSource.of(Map.of(
                "RELAY_DEMO_ENABLED", "yes", "RELAY_DEMO_TOKEN", "t"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("RELAY_DEMO_ENABLED");
    }

    @Test
    void rejectsTokenThatIsNotACookieValueWithoutEchoingIt() {
        assertThatThrownBy(() -> new DemoSettings(true, "secret;Path=/x"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("RELAY_DEMO_TOKEN")
                .hasMessageNotContaining("secret");
    }

    @Test
    void rejectsMissingToken() {
        assertThatThrownBy(() -> DemoSettings.from(SettingsSource.of(Map.of("RELAY_DEMO_ENABLED", "false"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("RELAY_DEMO_TOKEN");
    }

    @Test
    void keepsTokenOutOfToString() {
        assertThat(new DemoSettings(true, "demo-secret-value")).hasToString("DemoSettings[enabled=true]");
    }
}
