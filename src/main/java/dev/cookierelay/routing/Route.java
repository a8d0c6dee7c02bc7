package dev.cookierelay.routing;

import java.net.URI;

/**
 * One relay route: requests under {@code <mount>/<name>} ({@code /api/<name>} by default) go to {@code target}, authenticated by
 * {@code cookieName}, with request bodies of at most {@code maxRequestBytes}.
 */
public record Route(String name, URI target, String cookieName, long maxRequestBytes) {

    /** The target's path without a trailing slash ("" for a bare host), under which every forwarded path stays. */
    public String basePath() {
        String path = target.getRawPath() == null ? "" : target.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** {@code scheme://host[:port]} of the target, as the backend would write it in an absolute URL. */
    public String origin() {
        return target.getScheme().toLowerCase() + "://" + target.getRawAuthority();
    }
}
