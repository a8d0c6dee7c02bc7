package dev.cookierelay.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the route of a raw request path such as {@code /api/chatkit/threads/1}, below the relay's
 * {@link MountPath mount} ({@code /api} there).
 */
public final class RouteTable {

    private final String mountPath;
    private final String prefix;
    private final Map<String, Route> routesByName = new LinkedHashMap<>();

    /** @param mountPath a validated {@link MountPath}, such as {@code /api} */
    public RouteTable(String mountPath, List<Route> routes) {
        this.mountPath = mountPath;
        this.prefix = mountPath + "/";
        routes.forEach(route -> routesByName.put(route.name(), route));
    }

    /** The path below the context root under which every route lives, such as {@code /api}. */
    public String mountPath() {
        return mountPath;
    }

    public Optional<Route> route(String name) {
        return Optional.ofNullable(routesByName.get(name));
    }

    /** The path prefix clients call for {@code route}, below the context root: {@code /api/chatkit}. */
    public String prefixOf(Route route) {
        return prefix + route.name();
    }

    public List<Route> routes() {
        return List.copyOf(routesByName.values());
    }

    /** @param rawPathInContext the request URI below the context path, undecoded */
    public Optional<RouteMatch> match(String rawPathInContext) {
        if (!rawPathInContext.startsWith(prefix)) {
            return Optional.empty();
        }
        int nameEnd = rawPathInContext.indexOf('/', prefix.length());
        String name = nameEnd < 0
                ? rawPathInContext.substring(prefix.length())
                : rawPathInContext.substring(prefix.length(), nameEnd);
        String rest = nameEnd < 0 ? "" : rawPathInContext.substring(nameEnd);
        return Optional.ofNullable(routesByName.get(name)).map(route -> new RouteMatch(route, rest));
    }
}
