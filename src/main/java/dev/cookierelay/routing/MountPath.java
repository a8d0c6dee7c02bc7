package dev.cookierelay.routing;

import dev.cookierelay.config.InvalidSettingException;
import java.util.regex.Pattern;

/**
 * Where the relay's routes live below the context root: {@code /api} by default, so the page calls
 * {@code /api/proxy/...}. A setting, because many host applications already own {@code /api} (their
 * JAX-RS {@code @ApplicationPath("/api")}): they move the relay, not their API.
 */
public final class MountPath {

    public static final String KEY = "RELAY_MOUNT_PATH";

    // One or more segments of RFC 3986 unreserved characters: nothing that needs encoding, no servlet
    // wildcard, no "." or ".." segment a browser or container would normalise away.
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");

    private MountPath() {
    }

    /** @return the validated mount, such as {@code /api} or {@code /relay/v1}, without a trailing slash */
    public static String of(String value) {
        String path = value.strip();
        if (path.equals("/") || path.isEmpty()) {
            throw new InvalidSettingException(KEY, "'" + value + "' would put the relay over the whole application; "
                    + "give it a path of its own such as /api or /relay");
        }
        if (!PATH.matcher(path).matches() || path.contains("/.")) {
            throw new InvalidSettingException(KEY, "'" + value + "' must be a path such as /api or /relay/v1: segments "
                    + "of letters, digits, '-', '_', '~' and '.' (not first), no trailing slash, no wildcard");
        }
        return path;
    }
}
