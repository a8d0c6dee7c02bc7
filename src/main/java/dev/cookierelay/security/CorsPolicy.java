package dev.cookierelay.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cross-origin resource sharing (Fetch standard §3.2), granted only to configured trusted origins and
 * always with credentials, since the whole point of the relay is the user's cookie. The relay answers
 * preflights itself; backends' own {@code Access-Control-*} headers never reach the browser.
 */
public final class CorsPolicy {

    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    // A comma-separated list of RFC 9110 tokens: only that is echoed in Access-Control-Allow-Headers.
    private static final Pattern HEADER_LIST = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+(\\s*,\\s*[!#$%&'*+\\-.^_`|~0-9A-Za-z]+)*");
    private static final String MAX_AGE_SECONDS = "600";

    private final SecuritySettings settings;

    public CorsPolicy(SecuritySettings settings) {
        this.settings = settings;
    }

    /** A CORS preflight: OPTIONS with Origin and Access-Control-Request-Method (Fetch §3.2.2); it carries no cookie. */
    public static boolean isPreflight(String method, String origin, String requestedMethod) {
        return method.equals("OPTIONS") && origin != null && requestedMethod != null;
    }

    /** @return the headers of a successful preflight answer, empty when the origin or method is refused */
    public Optional<List<Map.Entry<String, String>>> preflight(String origin, String requestedMethod, String requestedHeaders) {
        if (!isTrusted(origin) || !METHODS.contains(requestedMethod.trim())) {
            return Optional.empty();
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>(credentialed(origin));
        headers.add(Map.entry("Access-Control-Allow-Methods", ALLOWED_METHODS));
        if (requestedHeaders != null && HEADER_LIST.matcher(requestedHeaders.trim()).matches()) {
            headers.add(Map.entry("Access-Control-Allow-Headers", requestedHeaders.trim()));
        }
        headers.add(Map.entry("Access-Control-Max-Age", MAX_AGE_SECONDS));
        headers.add(Map.entry("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"));
        return Optional.of(headers);
    }

    /** Headers for any other response: the grant for a trusted origin, and Vary so caches keep answers apart. */
    public List<Map.Entry<String, String>> responseHeaders(String origin) {
        if (!settings.corsEnabled()) {
            return List.of();
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (isTrusted(origin)) {
            headers.addAll(credentialed(origin));
        }
        headers.add(Map.entry("Vary", "Origin"));
        return headers;
    }

    private boolean isTrusted(String origin) {
        return Origins.parse(origin).filter(settings.trustedOrigins()::contains).isPresent();
    }

    // The exact origin is echoed: "*" is not allowed together with credentials (Fetch §3.2.5).
    private static List<Map.Entry<String, String>> credentialed(String origin) {
        return List.of(Map.entry("Access-Control-Allow-Origin", origin.trim()),
                Map.entry("Access-Control-Allow-Credentials", "true"));
    }
}
