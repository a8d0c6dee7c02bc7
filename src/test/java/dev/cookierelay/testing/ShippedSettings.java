package dev.cookierelay.testing;

import dev.cookierelay.config.SettingsSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The defaults the WAR ships (META-INF/microprofile-config.properties, read from the classpath) with
 * per-test overrides on top, as environment variables would override them. A blank override unsets a key.
 */
public final class ShippedSettings {

    private static final String DEFAULTS = "META-INF/microprofile-config.properties";

    private ShippedSettings() {
    }

    public static Map<String, String> defaults() {
        Properties properties = new Properties();
        try (InputStream in = ShippedSettings.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is not on the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    /** @param overrides alternating keys and values */
    public static SettingsSource with(String... overrides) {
        if (overrides.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, String> values = defaults();
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        return SettingsSource.of(values);
    }
}
