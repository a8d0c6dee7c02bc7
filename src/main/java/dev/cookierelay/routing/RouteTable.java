package dev.cookierelay.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the route of a raw request path such as {@code /api/chatkit/threads/1}. */
public final class RouteTable {

    private static final String API_PREFIX = "/api/";

    private final Map<String, Route> routesByName = new LinkedHashMap<>();

    public RouteTable(List<Route> routes) {
        routes.forEach(route -> routesByName.put(route.name(), route));
    }

    public List<Route> routes() {
        return List.copyOf(routesByName.values());
    }

    /** @param rawPathInContext the request URI below the context path, undecoded */
    public Optional<RouteMatch> match(String rawPathInContext) {
        if (!rawPathInContext.startsWith(API_PREFIX)) {
            return Optional.empty();
        }
        int nameEnd = rawPathInContext.indexOf('/', API_PREFIX.length());
        String name = nameEnd < 0
                ? rawPathInContext.substring(API_PREFIX.length())
                : rawPathInContext.substring(API_PREFIX.length(), nameEnd);
        String rest = nameEnd < 0 ? "" : rawPathInContext.substring(nameEnd);
        return Optional.ofNullable(routesByName.get(name)).map(route -> new RouteMatch(route, rest));
    }
}
