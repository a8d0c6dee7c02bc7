package dev.cookierelay.security;

import dev.cookierelay.config.InvalidSettingException;
import dev.cookierelay.config.SettingsSource;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Browser-facing protection of every relay route.
 *
 * @param csrfMode        how cross-site requests are refused
 * @param csrfAllMethods  whether GET, HEAD and OPTIONS are checked too, not only unsafe methods
 * @param csrfHeaderName  the header {@link CsrfMode#STRICT} requires on every call
 * @param csrfHeaderValue the value that header must have
 * @param trustedOrigins  normalised origins (scheme://host[:port]) allowed to call cross-origin, with CORS
 */
public record SecuritySettings(CsrfMode csrfMode, boolean csrfAllMethods, String csrfHeaderName,
                               String csrfHeaderValue, Set<String> trustedOrigins) {

    public static final String MODE_KEY = "RELAY_CSRF_MODE";
    public static final String ALL_METHODS_KEY = "RELAY_CSRF_ALL_METHODS";
    public static final String HEADER_KEY = "RELAY_CSRF_HEADER";
    public static final String HEADER_VALUE_KEY = "RELAY_CSRF_HEADER_VALUE";
    public static final String TRUSTED_ORIGINS_KEY = "RELAY_TRUSTED_ORIGINS";

    // RFC 9110 §5.6.2 token: what a header name may be.
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]{1,64}");
    private static final Pattern VISIBLE = Pattern.compile("[\\x21-\\x7e]{1,256}");

    /** off: no check; origin: Sec-Fetch-Site / Origin check; strict: that check on every method plus a custom header. */
    public enum CsrfMode { OFF, ORIGIN, STRICT }

    public SecuritySettings {
        trustedOrigins = Set.copyOf(trustedOrigins);
    }

    public static SecuritySettings from(SettingsSource source) {
        String mode = source.string(MODE_KEY);
        CsrfMode csrfMode;
        try {
            csrfMode = CsrfMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(MODE_KEY, "must be origin, strict or off, got '" + mode + "'");
        }
        String header = source.string(HEADER_KEY);
        if (!TOKEN.matcher(header).matches()) {
            throw new InvalidSettingException(HEADER_KEY, "'" + header + "' is not a valid header name");
        }
        String value = source.string(HEADER_VALUE_KEY);
        if (!VISIBLE.matcher(value).matches()) {
            throw new InvalidSettingException(HEADER_VALUE_KEY, "must be 1 to 256 visible ASCII characters");
        }
        return new SecuritySettings(csrfMode, source.bool(ALL_METHODS_KEY), header, value, trustedOrigins(source));
    }

    private static Set<String> trustedOrigins(SettingsSource source) {
        Set<String> origins = new LinkedHashSet<>();
        for (String raw : source.list(TRUSTED_ORIGINS_KEY)) {
            // "*" would hand every site the user's token-backed API: CORS with credentials forbids it too.
            origins.add(Origins.parse(raw).orElseThrow(() -> new InvalidSettingException(TRUSTED_ORIGINS_KEY,
                    "'" + raw + "' is not an origin like https://app.example or http://localhost:3000")));
        }
        return origins;
    }

    /** Whether cross-origin access (CORS) is granted to anyone at all. */
    public boolean corsEnabled() {
        return !trustedOrigins.isEmpty();
    }
}
