package dev.cookierelay.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cookierelay.config.InvalidSettingException;
import dev.cookierelay.testing.ShippedSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MountPathTest {

    private static RouteTable table(String mount) {
        return RoutingSettings.from(ShippedSettings.with("RELAY_MOUNT_PATH", mount)).table();
    }

    @Test
    void shippedMountIsApi() {
        assertThat(RoutingSettings.from(ShippedSettings.with()).table().mountPath()).isEqualTo("/api");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relay", "/bff/v1", "/a.b", "/_relay~x-1", " /relay "})
    void acceptsPlainPaths(String mount) {
        assertThat(table(mount).mountPath()).isEqualTo(mount.strip());
        assertThat(table(mount).match(mount.strip() + "/proxy/x")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "api", "/api/", "/api/*", "/*", "*.do", "/a b", "/a//b", "/./a", "/a/..",
            "/.hidden", "/caf%C3%A9", "/a?b", "/a#b", "/a;b", "//api"})
    void refusesAnythingElseNamingTheKey(String mount) {
        assertThatThrownBy(() -> table(mount))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("Invalid setting RELAY_MOUNT_PATH: ")
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo("RELAY_MOUNT_PATH");
    }
}
