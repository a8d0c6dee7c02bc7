package dev.cookierelay.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Typed reads of raw setting values. Defaults live in META-INF/microprofile-config.properties only,
 * so a key with no value anywhere is itself an error.
 */
public final class SettingsSource {

    private final Function<String, Optional<String>> lookup;

    private SettingsSource(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    public static SettingsSource of(Config config) {
        return new SettingsSource(key -> config.getOptionalValue(key, String.class));
    }

    public static SettingsSource of(Map<String, String> values) {
        return new SettingsSource(key -> Optional.ofNullable(values.get(key)));
    }

    /** The trimmed value, empty when unset or blank. */
    public Optional<String> optional(String key) {
        return lookup.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    public String string(String key) {
        return optional(key).orElseThrow(() -> new InvalidSettingException(key, "no value is set"));
    }

    public long longInRange(String key, long min, long max) {
        String raw = string(key);
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, "must be a whole number, got '" + raw + "'");
        }
        if (value < min || value > max) {
            throw new InvalidSettingException(key, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public int intInRange(String key, int min, int max) {
        return (int) longInRange(key, min, max);
    }

    public Duration seconds(String key, long min, long max) {
        return Duration.ofSeconds(longInRange(key, min, max));
    }

    public boolean bool(String key) {
        String raw = string(key);
        if (raw.equalsIgnoreCase("true")) {
            return true;
        }
        if (raw.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidSettingException(key, "must be true or false, got '" + raw + "'");
    }

    /** A comma-separated list; empty when unset. */
    public List<String> list(String key) {
        return optional(key)
                .map(raw -> Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** An absolute http(s) URL with a host and without user info, query or fragment. */
    public URI httpUrl(String key) {
        return httpUrl(key, string(key));
    }

    public static URI httpUrl(String key, String raw) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(key, "is not a valid URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new InvalidSettingException(key, "must be an absolute http:// or https:// URL");
        }
        if (uri.getHost() == null) {
            throw new InvalidSettingException(key, "must name a host");
        }
        // The value is not echoed: user info would be a credential, and it belongs in no URL here.
        if (uri.getRawUserInfo() != null) {
            throw new InvalidSettingException(key, "must not carry user info (user:password@)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || raw.endsWith("?") || raw.endsWith("#")) {
            throw new InvalidSettingException(key, "must not have a query or fragment");
        }
        return uri;
    }
}
