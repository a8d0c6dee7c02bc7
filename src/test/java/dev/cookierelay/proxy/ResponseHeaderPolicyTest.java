package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.routing.Route;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseHeaderPolicyTest {

    private static final Route ROUTE = new Route("proxy", URI.create("http://backend:8000/v1"), "auth_token", 1024);

    /** @param lines alternating names and values; repeated names become separate values, as the HTTP client gives them */
    private static List<Map.Entry<String, String>> client(String... lines) {
        Map<String, List<String>> backend = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i += 2) {
            backend.computeIfAbsent(lines[i], name -> new ArrayList<>()).add(lines[i + 1]);
        }
        // The HTTP client hands over its headers this way: a case-insensitive map of separate values.
        Map<String, List<String>> received = HttpHeaders.of(backend, (name, value) -> true).map();
        return ResponseHeaderPolicy.clientHeaders(received, ROUTE, "/api/proxy");
    }

    private static List<String> values(List<Map.Entry<String, String>> headers, String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Connection", "Keep-Alive", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
            "Proxy-Authenticate", "Proxy-Connection", "keep-alive", "transfer-encoding"})
    void dropsHopByHopHeaders(String name) {
        List<Map.Entry<String, String>> headers = client(name, "x", "Content-Type", "text/plain");

        assertThat(values(headers, name)).isEmpty();
        assertThat(values(headers, "Content-Type")).containsExactly("text/plain");
    }

    @Test
    void dropsHeadersNamedInConnection() {
        List<Map.Entry<String, String>> headers = client(
                "Connection", "X-Internal, x-debug", "Connection", "X-Third",
                "X-Internal", "1", "X-Debug", "2", "X-Third", "3", "X-Public", "4");

        assertThat(headers).containsExactly(Map.entry("X-Public", "4"));
    }

    @Test
    void dropsContentLengthBecauseTheServletApiSetsIt() {
        assertThat(values(client("Content-Length", "12", "Content-Type", "application/json"), "Content-Length")).isEmpty();
    }

    @Test
    void dropsHttp2PseudoHeaders() {
        assertThat(client(":status", "200", "ETag", "\"1\"")).containsExactly(Map.entry("Etag", "\"1\""));
    }

    @Test
    void dropsASetCookieForTheAuthCookie() {
        List<Map.Entry<String, String>> headers = client(
                "Set-Cookie", "auth_token=stolen; Path=/; HttpOnly",
                "Set-Cookie", "auth_token=; Max-Age=0",
                "Set-Cookie", " auth_token =x");

        assertThat(values(headers, "Set-Cookie")).isEmpty();
    }

    @Test
    void keepsOtherSetCookieLinesSeparateAndUnchanged() {
        List<Map.Entry<String, String>> headers = client(
                "Set-Cookie", "theme=dark; Path=/; Expires=Wed, 21 Oct 2030 07:28:00 GMT",
                "Set-Cookie", "auth_token=stolen",
                "Set-Cookie", "lang=fr; SameSite=Lax");

        assertThat(values(headers, "Set-Cookie")).containsExactly(
                "theme=dark; Path=/; Expires=Wed, 21 Oct 2030 07:28:00 GMT", "lang=fr; SameSite=Lax");
    }

    @Test
    void setCookieIsDroppedByNameNotByValue() {
        List<Map.Entry<String, String>> headers = client(
                "Set-Cookie", "xauth_token=1", "Set-Cookie", "auth_token_v2=2", "Set-Cookie", "prefs=auth_token=3");

        assertThat(values(headers, "Set-Cookie")).containsExactly("xauth_token=1", "auth_token_v2=2", "prefs=auth_token=3");
    }

    @Test
    void setCookieOfAnotherRoutesCookieIsKept() {
        Route chatkit = new Route("chatkit", URI.create("http://backend:8000/chatkit"), "taskflow_id_token", 1024);
        List<Map.Entry<String, String>> headers = ResponseHeaderPolicy.clientHeaders(
                Map.of("set-cookie", List.of("auth_token=a", "taskflow_id_token=b")), chatkit, "/api/chatkit");

        assertThat(values(headers, "Set-Cookie")).containsExactly("auth_token=a");
    }

    @Test
    void multiValuedHeadersStaySeparateLines() {
        List<Map.Entry<String, String>> headers = client(
                "Vary", "Accept-Encoding", "Vary", "Origin",
                "Link", "</a>; rel=preload", "Link", "</b>; rel=next",
                "WWW-Authenticate", "Bearer realm=\"api\", error=\"invalid_token\"", "WWW-Authenticate", "Basic realm=\"x\"");

        assertThat(values(headers, "Vary")).containsExactly("Accept-Encoding", "Origin");
        assertThat(values(headers, "Link")).containsExactly("</a>; rel=preload", "</b>; rel=next");
        assertThat(values(headers, "WWW-Authenticate"))
                .containsExactly("Bearer realm=\"api\", error=\"invalid_token\"", "Basic realm=\"x\"");
    }

    @Test
    void endToEndHeadersPassUnchanged() {
        List<Map.Entry<String, String>> headers = client(
                "Content-Type", "text/event-stream", "Content-Encoding", "br", "ETag", "W/\"v1\"",
                "Cache-Control", "private, max-age=0", "X-Request-Id", "abc", "Content-Disposition",
                "attachment; filename=\"r\u00e9sum\u00e9.pdf\"");

        assertThat(values(headers, "Content-Type")).containsExactly("text/event-stream");
        assertThat(values(headers, "Content-Encoding")).containsExactly("br");
        assertThat(values(headers, "ETag")).containsExactly("W/\"v1\"");
        assertThat(values(headers, "Cache-Control")).containsExactly("private, max-age=0");
        assertThat(values(headers, "X-Request-Id")).containsExactly("abc");
        assertThat(values(headers, "Content-Disposition")).containsExactly("attachment; filename=\"r\u00e9sum\u00e9.pdf\"");
    }

    @Test
    void rewritesALocationThatPointsAtTheBackend() {
        assertThat(values(client("Location", "http://backend:8000/v1/tasks/7"), "Location"))
                .containsExactly("/api/proxy/tasks/7");
        assertThat(values(client("location", "/v1/login?next=%2F"), "Location"))
                .containsExactly("/api/proxy/login?next=%2F");
    }

    @Test
    void leavesALocationElsewhereUntouched() {
        assertThat(values(client("Location", "https://idp.example/authorize?x=1"), "Location"))
                .containsExactly("https://idp.example/authorize?x=1");
    }

    @Test
    void locationUsesTheRelayPrefixItIsGiven() {
        List<Map.Entry<String, String>> headers = ResponseHeaderPolicy.clientHeaders(
                Map.of("location", List.of("/v1/x")), ROUTE, "/ctx/api/proxy");

        assertThat(headers).containsExactly(Map.entry("Location", "/ctx/api/proxy/x"));
    }

    @Test
    void contentLocationIsNotRewritten() {
        assertThat(values(client("Content-Location", "/v1/x"), "Content-Location")).containsExactly("/v1/x");
    }

    @Test
    void noHeadersGiveNoHeaders() {
        assertThat(client()).isEmpty();
    }
}
