package dev.cookierelay.ratelimit;

import dev.cookierelay.config.SettingsSource;
import dev.cookierelay.routing.RoutingSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Rate-limit settings as a deployment would read them: the shipped defaults plus a test's overrides. */
final class Settings {

    private Settings() {
    }

    static Map<String, String> defaults() {
        Properties properties = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>();
        properties.forEach((key, value) -> values.put((String) key, (String) value));
        return values;
    }

    /** @param overrides alternating keys and values */
    static RateLimitSettings with(String... overrides) {
        Map<String, String> values = defaults();
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        SettingsSource source = SettingsSource.of(values);
        return RateLimitSettings.from(source, RoutingSettings.from(source));
    }
}
