package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.cookierelay.testing.RawHttp;
import dev.cookierelay.testing.RecordedRequest;
import dev.cookierelay.testing.RelayClient;
import dev.cookierelay.testing.RelayDeployment;
import dev.cookierelay.testing.RelayUnderTest;
import dev.cookierelay.testing.StubBackend;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which headers cross the relay in each direction, how Location is rewritten, and that redirects are not followed. */
class RelayHeadersIT extends RelayUnderTest {

    private RawHttp.Response raw(String requestHead) throws Exception {
        return RawHttp.exchange(relay.host(), relay.port(), requestHead.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void endToEndHeadersPassAndHopByHopOnesStop() throws Exception {
        raw("GET /api/proxy/h HTTP/1.1\r\nHost: relay.example\r\n"
                + "Cookie: theme=dark; auth_token=" + RelayClient.TOKEN + "\r\n"
                + "Authorization: Basic c3B5OnNweQ==\r\n"
                + "Connection: close, X-Secret-Hop, Authorization\r\n"
                + "X-Secret-Hop: must not pass\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\nTrailer: X-T\r\n"
                + "Upgrade: websocket\r\nProxy-Authorization: Basic eA==\r\nProxy-Connection: keep-alive\r\n"
                + "Forwarded: for=6.6.6.6\r\nX-Forwarded-For: 6.6.6.6\r\nX-Forwarded-Host: evil.example\r\n"
                + "X-Forwarded-Proto: https\r\n"
                + "Accept: application/json\r\nAccept-Language: de\r\nIf-None-Match: \"v2\"\r\nRange: bytes=0-9\r\n"
                + "User-Agent: browser/1.0\r\nX-Request-Id: abc-123\r\n"
                + "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\n\r\n");

        RecordedRequest received = backend.takeRequest();
        assertThat(received.header("Authorization")).containsExactly("Bearer " + RelayClient.TOKEN);
        assertThat(received.header("Cookie")).isEmpty();
        for (String dropped : new String[] {"X-Secret-Hop", "Keep-Alive", "TE", "Trailer", "Upgrade",
                "Proxy-Authorization", "Proxy-Connection", "Forwarded"}) {
            assertThat(received.header(dropped)).as(dropped).isEmpty();
        }
        assertThat(received.header("Host")).containsExactly("127.0.0.1:" + RelayDeployment.stubPort());
        assertThat(received.header("X-Forwarded-For")).containsExactly("127.0.0.1");
        assertThat(received.header("X-Forwarded-Proto")).containsExactly("http");
        // The relay's own, from the Host the client called, never the client's X-Forwarded-Host.
        assertThat(received.header("X-Forwarded-Host")).containsExactly("relay.example");
        assertThat(received.header("Accept")).containsExactly("application/json");
        assertThat(received.header("Accept-Language")).containsExactly("de");
        assertThat(received.header("If-None-Match")).containsExactly("\"v2\"");
        assertThat(received.header("Range")).containsExactly("bytes=0-9");
        assertThat(received.header("User-Agent")).containsExactly("browser/1.0");
        assertThat(received.header("X-Request-Id")).containsExactly("abc-123");
        assertThat(received.header("traceparent")).containsExactly("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void relayTellsTheBackendWhichHostTheClientCalled() throws Exception {
        raw("GET /api/proxy/h HTTP/1.1\r\nHost: app.example\r\nCookie: auth_token=" + RelayClient.TOKEN
                + "\r\nConnection: close\r\n\r\n");

        assertThat(backend.takeRequest().header("X-Forwarded-Host")).containsExactly("app.example");
    }

    @Test
    void repeatedResponseHeadersStaySeparateLines() throws Exception {
        backend.on("/base/multi", (request, exchange) -> {
            exchange.getResponseHeaders().add("Set-Cookie", "a=1; Path=/; HttpOnly");
            exchange.getResponseHeaders().add("Set-Cookie", "b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT");
            exchange.getResponseHeaders().add("Vary", "Accept");
            exchange.getResponseHeaders().add("Vary", "Accept-Encoding");
            exchange.getResponseHeaders().add("Link", "</a>; rel=\"next\"");
            exchange.getResponseHeaders().add("Link", "</b>; rel=\"prev\"");
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"api\"");
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"legacy\"");
            StubBackend.send(exchange, 401, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        });

        RawHttp.Response response = raw("GET /api/proxy/multi HTTP/1.1\r\nHost: app.example\r\nCookie: auth_token="
                + RelayClient.TOKEN + "\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Set-Cookie")).containsExactly("a=1; Path=/; HttpOnly", "b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT");
        // "Origin" is the relay's own (its CORS answer depends on it); the backend's two lines follow as sent.
        assertThat(response.header("Vary")).containsExactly("Origin", "Accept", "Accept-Encoding");
        assertThat(response.header("Link")).containsExactly("</a>; rel=\"next\"", "</b>; rel=\"prev\"");
        assertThat(response.header("WWW-Authenticate")).containsExactly("Bearer realm=\"api\"", "Basic realm=\"legacy\"");
    }

    @Test
    void backendCanNeitherSetNorClearTheAuthCookie() throws Exception {
        backend.on("/base/login", (request, exchange) -> {
            exchange.getResponseHeaders().add("Set-Cookie", "auth_token=attacker-chosen; Path=/");
            exchange.getResponseHeaders().add("Set-Cookie", "auth_token=; Max-Age=0");
            exchange.getResponseHeaders().add("Set-Cookie", "prefs=compact");
            StubBackend.send(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        });

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/login").GET().build());

        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("prefs=compact");
    }

    @Test
    void backendHopByHopHeadersStop() throws Exception {
        backend.on("/base/hop", (request, exchange) -> {
            exchange.getResponseHeaders().add("Keep-Alive", "timeout=99");
            exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic");
            exchange.getResponseHeaders().add("Upgrade", "h2c");
            exchange.getResponseHeaders().add("X-Backend-Hop", "secret");
            exchange.getResponseHeaders().add("Connection", "X-Backend-Hop");
            exchange.getResponseHeaders().add("X-End-To-End", "kept");
            StubBackend.send(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        });

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/hop").GET().build());

        assertThat(response.headers().map().keySet()).doesNotContainAnyElementsOf(
                List.of("keep-alive", "proxy-authenticate", "upgrade", "x-backend-hop"));
        assertThat(response.headers().allValues("X-End-To-End")).containsExactly("kept");
    }

    @Test
    void redirectsAreNotFollowedAndBackendLocationsBecomeRelayPaths() throws Exception {
        String backendOrigin = "http://127.0.0.1:" + RelayDeployment.stubPort();
        backend.on("/base/r/absolute", (request, exchange) -> redirect(exchange, backendOrigin + "/base/login?next=%2Fx"))
                .on("/base/r/path", (request, exchange) -> redirect(exchange, "/base/tasks/7"))
                .on("/base/r/elsewhere", (request, exchange) -> redirect(exchange, "https://idp.example/authorize?x=1"))
                .on("/base/r/outside", (request, exchange) -> redirect(exchange, backendOrigin + "/admin"));

        assertThat(location("/api/proxy/r/absolute")).isEqualTo("/api/proxy/login?next=%2Fx");
        assertThat(location("/api/proxy/r/path")).isEqualTo("/api/proxy/tasks/7");
        assertThat(location("/api/proxy/r/elsewhere")).isEqualTo("https://idp.example/authorize?x=1");
        assertThat(location("/api/proxy/r/outside")).isEqualTo(backendOrigin + "/admin");
        assertThat(backend.drainRequests(Duration.ofMillis(200)))
                .extracting(RecordedRequest::rawTarget)
                .containsExactly("/base/r/absolute", "/base/r/path", "/base/r/elsewhere", "/base/r/outside");
    }

    private String location(String path) throws Exception {
        HttpResponse<byte[]> response = relay.send(relay.signedIn(path).GET().build());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        StubBackend.send(exchange, 302, "text/plain", new byte[0]);
    }
}
