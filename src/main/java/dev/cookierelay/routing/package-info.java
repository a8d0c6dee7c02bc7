/** Which backend a relay path belongs to: the default {@code proxy} route and the named routes. */
package dev.cookierelay.routing;
