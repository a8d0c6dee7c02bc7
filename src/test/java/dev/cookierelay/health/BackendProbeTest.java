package dev.cookierelay.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.routing.Route;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackendProbeTest {

    private final BackendProbe probe = new BackendProbe(Duration.ofSeconds(2));

    @Test
    void acceptsABackendThatListens() throws Exception {
        try (ServerSocket backend = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            assertThat(probe.accepts(route("http://127.0.0.1:" + backend.getLocalPort() + "/v1"))).isTrue();
        }
    }

    @Test
    void refusesABackendWhosePortIsClosed() throws Exception {
        int port;
        try (ServerSocket gone = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            port = gone.getLocalPort();
        }
        assertThat(probe.accepts(route("http://127.0.0.1:" + port))).isFalse();
    }

    @Test
    void refusesAHostThatDoesNotResolve() {
        assertThat(probe.accepts(route("http://backend.invalid:8000"))).isFalse();
    }

    private static Route route(String target) {
        return new Route("proxy", URI.create(target), "auth_token", 1024);
    }
}
