package dev.cookierelay.proxy;

import dev.cookierelay.routing.Route;
import java.util.Locale;

/**
 * Maps a backend {@code Location} that points into the route's target (absolute URL, or absolute path
 * under its base path) to the matching relay path, so the browser never learns the internal host.
 * Anything else (other hosts, relative references) is left exactly as sent.
 */
final class LocationRewriter {

    private final String origin;
    private final String basePath;
    private final String relayPathPrefix;

    LocationRewriter(Route route, String relayPathPrefix) {
        this.origin = route.origin();
        this.basePath = route.basePath();
        this.relayPathPrefix = relayPathPrefix;
    }

    String rewrite(String location) {
        String path = location;
        if (location.regionMatches(true, 0, origin, 0, origin.length())) {
            path = location.substring(origin.length());
            if (!path.isEmpty() && "/?#".indexOf(path.charAt(0)) < 0) {
                return location; // e.g. http://backend:80000 — another port that merely starts alike
            }
            if (path.isEmpty() || path.charAt(0) != '/') {
                path = "/" + path;
            }
        } else if (!location.startsWith("/") || location.startsWith("//")
                || location.toLowerCase(Locale.ROOT).startsWith("/\\")) {
            return location;
        }
        if (!isUnderBasePath(path)) {
            return location;
        }
        return relayPathPrefix + path.substring(basePath.length());
    }

    private boolean isUnderBasePath(String path) {
        if (basePath.isEmpty()) {
            return true;
        }
        return path.startsWith(basePath)
                && (path.length() == basePath.length() || "/?#".indexOf(path.charAt(basePath.length())) >= 0);
    }
}
