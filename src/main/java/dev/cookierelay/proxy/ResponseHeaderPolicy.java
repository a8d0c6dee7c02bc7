package dev.cookierelay.proxy;

import dev.cookierelay.routing.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which backend response headers reach the client, and how {@code Location} and {@code Set-Cookie} are guarded. */
public final class ResponseHeaderPolicy {

    // Set through the servlet API instead, so the container frames the body with it.
    private static final Set<String> DROPPED = Set.of("content-length");

    private ResponseHeaderPolicy() {
    }

    /**
     * @param backendHeaders  header lines as the HTTP client gives them, repeated names as separate values
     * @param route           the route the request went through
     * @param relayPathPrefix the client-visible prefix of that route, e.g. {@code /api/proxy}
     */
    public static List<Map.Entry<String, String>> clientHeaders(
            Map<String, List<String>> backendHeaders, Route route, String relayPathPrefix) {
        List<String> connection = backendHeaders.entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("connection"))
                .flatMap(h -> h.getValue().stream()).toList();
        Set<String> hopByHop = HopByHop.namesFor(connection);
        LocationRewriter locations = new LocationRewriter(route, relayPathPrefix);
        List<Map.Entry<String, String>> client = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : backendHeaders.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            // Access-Control-*: only the relay grants CORS (security/CorsPolicy); a backend's "*" or echoed
            // origin would otherwise open the user's token-backed API to any site.
            if (hopByHop.contains(name) || DROPPED.contains(name) || name.startsWith(":")
                    || name.startsWith("access-control-")) {
                continue;
            }
            for (String value : header.getValue()) {
                if (name.equals("set-cookie") && setsCookie(value, route.cookieName())) {
                    continue; // the backend may neither set nor clear the auth cookie
                }
                String clientValue = name.equals("location") ? locations.rewrite(value) : value;
                client.add(Map.entry(HopByHop.canonical(name), clientValue));
            }
        }
        return client;
    }

    private static boolean setsCookie(String setCookieValue, String cookieName) {
        int equals = setCookieValue.indexOf('=');
        String name = equals < 0 ? setCookieValue : setCookieValue.substring(0, equals);
        return name.trim().equalsIgnoreCase(cookieName);
    }
}
