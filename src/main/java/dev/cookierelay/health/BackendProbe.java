package dev.cookierelay.health;

import dev.cookierelay.routing.Route;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Whether a route's backend accepts a TCP connection. The cheapest probe there is: no request, no token, nothing
 * the backend would log as a call; a backend that accepts but answers badly is the relay's 502, not readiness.
 */
final class BackendProbe {

    private final Duration timeout;

    BackendProbe(Duration timeout) {
        this.timeout = timeout;
    }

    boolean accepts(Route route) {
        int port = route.target().getPort() >= 0 ? route.target().getPort()
                : route.target().getScheme().equalsIgnoreCase("https") ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(route.target().getHost(), port), (int) timeout.toMillis());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false; // refused, timed out, unresolvable: the relay would answer 502/504 right now
        }
    }
}
