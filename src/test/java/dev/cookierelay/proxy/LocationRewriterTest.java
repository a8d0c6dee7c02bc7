package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.routing.Route;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocationRewriterTest {

    private static LocationRewriter rewriter(String target) {
        return new LocationRewriter(new Route("proxy", URI.create(target), "auth_token", 1024), "/api/proxy");
    }

    private final LocationRewriter underV1 = rewriter("http://backend:8000/v1");
    private final LocationRewriter atRoot = rewriter("http://backend:8000");

    @ParameterizedTest
    @CsvSource({
        "http://backend:8000/v1/items/7, /api/proxy/items/7",
        "http://backend:8000/v1/, /api/proxy/",
        "http://backend:8000/v1, /api/proxy",
        "http://backend:8000/v1?page=2, /api/proxy?page=2",
        "http://backend:8000/v1#top, /api/proxy#top",
        "http://backend:8000/v1/a%20b/%C3%A9, /api/proxy/a%20b/%C3%A9",
    })
    void absoluteUrlUnderTheBackendBasePathBecomesARelayPath(String location, String relayPath) {
        assertThat(underV1.rewrite(location)).isEqualTo(relayPath);
    }

    @Test
    void absolutePathUnderTheBasePathBecomesARelayPath() {
        assertThat(underV1.rewrite("/v1/items/7")).isEqualTo("/api/proxy/items/7");
        assertThat(underV1.rewrite("/v1")).isEqualTo("/api/proxy");
    }

    @Test
    void queryAndFragmentAreKept() {
        assertThat(underV1.rewrite("http://backend:8000/v1/search?q=a%26b&tag=x&tag=y#results"))
                .isEqualTo("/api/proxy/search?q=a%26b&tag=x&tag=y#results");
        assertThat(underV1.rewrite("/v1/search?q=1#r")).isEqualTo("/api/proxy/search?q=1#r");
    }

    @Test
    void withAnEmptyBasePathEveryBackendPathIsARelayPath() {
        assertThat(atRoot.rewrite("http://backend:8000/items")).isEqualTo("/api/proxy/items");
        assertThat(atRoot.rewrite("http://backend:8000/")).isEqualTo("/api/proxy/");
        assertThat(atRoot.rewrite("/items?x=1")).isEqualTo("/api/proxy/items?x=1");
        assertThat(atRoot.rewrite("/")).isEqualTo("/api/proxy/");
    }

    @Test
    void bareBackendOriginBecomesTheRelayRoot() {
        assertThat(atRoot.rewrite("http://backend:8000")).isEqualTo("/api/proxy/");
        assertThat(atRoot.rewrite("http://backend:8000?x=1")).isEqualTo("/api/proxy/?x=1");
    }

    @Test
    void trailingSlashOnTheTargetMakesNoDifference() {
        assertThat(rewriter("http://backend:8000/v1/").rewrite("/v1/items")).isEqualTo("/api/proxy/items");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v10/items", "/v1x", "/v", "/", "/other/v1/items", "http://backend:8000/v10/items",
            "http://backend:8000/", "http://backend:8000/other"})
    void pathOutsideTheBasePathStaysUntouched(String location) {
        assertThat(underV1.rewrite(location)).isEqualTo(location);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://other:8000/v1/items", "https://backend:8000/v1/items", "http://backend/v1/items",
            "http://backend:8001/v1/items", "http://backend.evil:8000/v1/items", "https://idp.example/login"})
    void otherOriginsStayUntouched(String location) {
        assertThat(underV1.rewrite(location)).isEqualTo(location);
    }

    @Test
    void portThatOnlyStartsAlikeStaysUntouched() {
        assertThat(rewriter("http://backend:80").rewrite("http://backend:8000/x")).isEqualTo("http://backend:8000/x");
        assertThat(rewriter("http://backend:8000").rewrite("http://backend:80/x")).isEqualTo("http://backend:80/x");
        assertThat(rewriter("http://backend").rewrite("http://backend.evil/x")).isEqualTo("http://backend.evil/x");
    }

    @Test
    void userInfoTrickStaysUntouched() {
        assertThat(atRoot.rewrite("http://backend:8000@evil.example/x")).isEqualTo("http://backend:8000@evil.example/x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"items/7", "../v1/items", "./x", "?page=2", "#top", "v1/items", ""})
    void relativeReferencesStayUntouched(String location) {
        assertThat(underV1.rewrite(location)).isEqualTo(location);
        assertThat(atRoot.rewrite(location)).isEqualTo(location);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/v1/x", "//backend:8000/v1/x", "/\\evil.example/v1/x", "/\\/evil"})
    void protocolRelativeReferencesStayUntouched(String location) {
        assertThat(atRoot.rewrite(location)).isEqualTo(location);
        assertThat(underV1.rewrite(location)).isEqualTo(location);
    }

    @Test
    void schemeAndHostAreComparedWithoutCase() {
        assertThat(underV1.rewrite("HTTP://BACKEND:8000/v1/x")).isEqualTo("/api/proxy/x");
        assertThat(rewriter("http://Backend:8000/v1").rewrite("http://backend:8000/v1/x")).isEqualTo("/api/proxy/x");
    }

    @Test
    void pathIsComparedWithCase() {
        assertThat(underV1.rewrite("/V1/x")).isEqualTo("/V1/x");
    }

    @Test
    void routeNameAndContextPathShapeTheRelayPath() {
        LocationRewriter chatkit = new LocationRewriter(
                new Route("chatkit", URI.create("http://backend:8000/chatkit"), "t", 1024), "/app/api/chatkit");

        assertThat(chatkit.rewrite("http://backend:8000/chatkit/threads/1")).isEqualTo("/app/api/chatkit/threads/1");
        assertThat(chatkit.rewrite("/v1/threads")).isEqualTo("/v1/threads");
    }
}
