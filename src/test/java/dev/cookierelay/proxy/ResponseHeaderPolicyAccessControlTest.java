package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.routing.Route;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseHeaderPolicyAccessControlTest {

    @Test
    void dropsBackendAccessControlHeaders() {
        Map<String, List<String>> backend = new LinkedHashMap<>();
        backend.put("access-control-allow-origin", List.of("*"));
        backend.put("Access-Control-Allow-Credentials", List.of("true"));
        backend.put("access-control-expose-headers", List.of("x-a"));
        backend.put("content-type", List.of("application/json"));
        Route route = new Route("proxy", URI.create("http://backend:8000/base"), "auth_token", 1024);

        assertThat(ResponseHeaderPolicy.clientHeaders(backend, route, "/api/proxy"))
                .containsExactly(Map.entry("Content-Type", "application/json"));
    }
}
