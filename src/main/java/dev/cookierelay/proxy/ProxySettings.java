package dev.cookierelay.proxy;

import dev.cookierelay.config.SettingsSource;
import java.time.Duration;

/**
 * How the relay talks to backends.
 *
 * @param responseTimeout time from the end of the request body to the backend's response headers (504 after)
 * @param connectTimeout  time to open a backend connection (504 after)
 * @param idleTimeout     longest silence inside a streamed response body; {@link Duration#ZERO} for none
 * @param maxCookieLength longest auth cookie value accepted as a token (401 above)
 */
public record ProxySettings(Duration responseTimeout, Duration connectTimeout, Duration idleTimeout,
                            int maxCookieLength) {

    public static ProxySettings from(SettingsSource source) {
        return new ProxySettings(
                source.seconds("BACKEND_TIMEOUT_SECONDS", 1, 86_400),
                source.seconds("BACKEND_CONNECT_TIMEOUT_SECONDS", 1, 600),
                source.seconds("BACKEND_IDLE_TIMEOUT_SECONDS", 0, 86_400),
                source.intInRange("AUTH_COOKIE_MAX_LENGTH", 1, 65_536));
    }
}
