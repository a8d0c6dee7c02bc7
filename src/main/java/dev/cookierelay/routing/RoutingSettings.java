package dev.cookierelay.routing;

import dev.cookierelay.config.InvalidSettingException;
import dev.cookierelay.config.SettingsSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The configured routes below RELAY_MOUNT_PATH: {@code proxy} from BACKEND_URL/AUTH_COOKIE_NAME, then each
 * of RELAY_ROUTES.
 */
public record RoutingSettings(RouteTable table) {

    public static final String DEFAULT_ROUTE = "proxy";
    public static final String ROUTES_KEY = "RELAY_ROUTES";
    public static final String MAX_REQUEST_BYTES_KEY = "RELAY_MAX_REQUEST_BYTES";
    private static final String MAX_REQUEST_BYTES_SUFFIX = "MAX_REQUEST_BYTES";

    private static final Pattern ROUTE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    // RFC 6265 §4.1.1: a cookie-name is an RFC 2616 token.
    private static final Pattern COOKIE_NAME = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]{1,256}");

    public static RoutingSettings from(SettingsSource source) {
        String mountPath = MountPath.of(source.string(MountPath.KEY));
        String defaultCookie = cookieName("AUTH_COOKIE_NAME", source.string("AUTH_COOKIE_NAME"));
        long defaultMaxBytes = maxRequestBytes(source, MAX_REQUEST_BYTES_KEY);
        List<Route> routes = new ArrayList<>();
        routes.add(new Route(DEFAULT_ROUTE, source.httpUrl("BACKEND_URL"), defaultCookie, defaultMaxBytes));
        for (String name : source.list(ROUTES_KEY)) {
            if (!ROUTE_NAME.matcher(name).matches()) {
                throw new InvalidSettingException(ROUTES_KEY,
                        "route name '" + name + "' must be lower-case letters, digits and '-', starting with a letter");
            }
            if (routes.stream().anyMatch(route -> route.name().equals(name))) {
                throw new InvalidSettingException(ROUTES_KEY, "route '" + name + "' is listed twice or is the default route");
            }
            String prefix = routeKeyPrefix(name);
            String cookieKey = prefix + "COOKIE";
            String cookie = cookieName(cookieKey, source.optional(cookieKey).orElse(defaultCookie));
            long maxBytes = source.optional(prefix + MAX_REQUEST_BYTES_SUFFIX).isPresent()
                    ? maxRequestBytes(source, prefix + MAX_REQUEST_BYTES_SUFFIX) : defaultMaxBytes;
            routes.add(new Route(name, source.httpUrl(prefix + "URL"), cookie, maxBytes));
        }
        return new RoutingSettings(new RouteTable(mountPath, routes));
    }

    /** {@code chat-kit} → {@code RELAY_ROUTE_CHAT_KIT_}: every key is also a valid environment variable name. */
    public static String routeKeyPrefix(String routeName) {
        return "RELAY_ROUTE_" + routeName.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }

    private static long maxRequestBytes(SettingsSource source, String key) {
        return source.longInRange(key, 0, Long.MAX_VALUE);
    }

    private static String cookieName(String key, String value) {
        if (!COOKIE_NAME.matcher(value).matches()) {
            throw new InvalidSettingException(key, "'" + value + "' is not a valid cookie name (RFC 6265 token)");
        }
        return value;
    }
}
