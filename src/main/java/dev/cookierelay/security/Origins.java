package dev.cookierelay.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Serialises origins the way browsers send them in {@code Origin} (RFC 6454 §6.2): lower-case
 * {@code scheme://host[:port]}, the default port left out, so two spellings of one origin compare equal.
 */
public final class Origins {

    private Origins() {
    }

    /** @return the normalised origin, empty for "null", paths, user info or anything that is not http(s) */
    public static Optional<String> parse(String origin) {
        if (origin == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = uri.getRawPath() != null && uri.getRawPath().isEmpty() && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
            return Optional.empty();
        }
        return Optional.of(of(scheme, uri.getHost(), uri.getPort()));
    }

    /**
     * The origin a client addressed: the request's scheme and its {@code Host} header (RFC 9110 §7.2).
     *
     * @return empty when the Host header is missing or malformed
     */
    public static Optional<String> ofRequest(String scheme, String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return Optional.empty();
        }
        return parse(scheme + "://" + hostHeader.trim());
    }

    private static String of(String scheme, String host, int port) {
        boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
