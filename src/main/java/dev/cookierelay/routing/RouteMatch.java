package dev.cookierelay.routing;

/** A request that belongs to a route; {@code rawPath} is what follows the route prefix, still percent-encoded. */
public record RouteMatch(Route route, String rawPath) {
}
