package dev.cookierelay.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.proxy.ProxySettings;
import dev.cookierelay.routing.Route;
import dev.cookierelay.routing.RoutingSettings;
import dev.cookierelay.testing.ShippedSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The WAR deploys with no configuration at all: every settings record builds from the shipped defaults alone. */
class ShippedDefaultsTest {

    @Test
    void routingSettingsBuildFromShippedDefaults() {
        RoutingSettings routing = RoutingSettings.from(ShippedSettings.with());

        assertThat(routing.table().routes())
                .containsExactly(new Route("proxy", URI.create("http://localhost:8000"), "auth_token", 104_857_600L));
    }

    @Test
    void proxySettingsBuildFromShippedDefaults() {
        ProxySettings proxy = ProxySettings.from(ShippedSettings.with());

        assertThat(proxy).isEqualTo(new ProxySettings(Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofSeconds(300), 8192));
    }
}
