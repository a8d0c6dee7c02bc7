package dev.cookierelay.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RouteTest {

    private static Route to(String target) {
        return new Route("chatkit", URI.create(target), "auth_token", 1024);
    }

    @Test
    void basePathIsEmptyForABareHost() {
        assertThat(to("http://backend:8000").basePath()).isEmpty();
    }

    @Test
    void basePathIsEmptyForARootSlash() {
        assertThat(to("http://backend:8000/").basePath()).isEmpty();
    }

    @Test
    void basePathKeepsThePathWithoutTrailingSlash() {
        assertThat(to("http://backend:8000/v1").basePath()).isEqualTo("/v1");
        assertThat(to("http://backend:8000/v1/").basePath()).isEqualTo("/v1");
        assertThat(to("http://backend:8000/api/v1/").basePath()).isEqualTo("/api/v1");
    }

    @Test
    void basePathStaysPercentEncoded() {
        assertThat(to("http://backend/a%20b").basePath()).isEqualTo("/a%20b");
    }

    @Test
    void originIsSchemeHostAndPortWithoutPath() {
        assertThat(to("http://backend:8000/v1").origin()).isEqualTo("http://backend:8000");
        assertThat(to("https://api.example").origin()).isEqualTo("https://api.example");
    }

    @Test
    void originLowerCasesTheScheme() {
        assertThat(to("HTTPS://backend:8443/").origin()).isEqualTo("https://backend:8443");
    }
}
