package dev.cookierelay.demo;

import dev.cookierelay.config.InvalidSettingException;
import dev.cookierelay.config.SettingsSource;
import java.util.regex.Pattern;

/**
 * Whether the demo endpoints and page exist, and which token demo sign-in puts in the auth cookie.
 *
 * @param enabled false in every real deployment: sign-in, sign-out and /demo/ then answer 404
 * @param token   the demo backend's bearer token; not a secret, but never logged either
 */
public record DemoSettings(boolean enabled, String token) {

    public static final String ENABLED_KEY = "RELAY_DEMO_ENABLED";
    public static final String TOKEN_KEY = "RELAY_DEMO_TOKEN";

    // RFC 6265 §4.1.1 cookie-octets, so the browser stores the value exactly and the relay accepts it.
    private static final Pattern COOKIE_VALUE = Pattern.compile("[\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]{1,4096}");

    public DemoSettings {
        if (token == null || !COOKIE_VALUE.matcher(token).matches()) {
            throw new InvalidSettingException(TOKEN_KEY, "must be 1 to 4096 cookie-octets (no space, quote, comma, semicolon or backslash)");
        }
    }

    public static DemoSettings from(SettingsSource source) {
        return new DemoSettings(source.bool(ENABLED_KEY), source.string(TOKEN_KEY));
    }

    /** The token stays out of toString, so logging the settings cannot leak it. */
    @Override
    public String toString() {
        return "DemoSettings[enabled=" + enabled + "]";
    }
}
