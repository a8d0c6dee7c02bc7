package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHeaderPolicyTest {

    private static final String TOKEN = "tok-123";
    private static final RequestHeaderPolicy.ForwardedFor FORWARDED =
            new RequestHeaderPolicy.ForwardedFor("10.0.0.7", "https", "app.example");

    /** @param lines alternating names and values, in arrival order */
    private static List<Map.Entry<String, String>> backend(String... lines) {
        List<Map.Entry<String, String>> client = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 2) {
            client.add(Map.entry(lines[i], lines[i + 1]));
        }
        return RequestHeaderPolicy.backendHeaders(client, TOKEN, FORWARDED);
    }

    private static List<String> values(List<Map.Entry<String, String>> headers, String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    private static List<String> names(List<Map.Entry<String, String>> headers) {
        return headers.stream().map(Map.Entry::getKey).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Connection", "Keep-Alive", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
            "Proxy-Authorization", "Proxy-Connection", "HTTP2-Settings", "connection", "keep-alive", "te",
            "transfer-encoding", "proxy-authorization"})
    void dropsHopByHopHeaders(String name) {
        assertThat(values(backend(name, "x", "Accept", "*/*"), name)).isEmpty();
    }

    @Test
    void dropsEveryHopByHopHeaderOfOneRequest() {
        List<Map.Entry<String, String>> headers = backend(
                "Connection", "keep-alive, Upgrade", "Keep-Alive", "timeout=5", "TE", "trailers",
                "Trailer", "X-Checksum", "Transfer-Encoding", "chunked", "Upgrade", "h2c",
                "Proxy-Authorization", "Basic cHJveHk=", "Proxy-Connection", "keep-alive",
                "Accept", "application/json");

        assertThat(names(headers)).containsExactly(
                "Accept", "Authorization", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host");
    }

    @Test
    void dropsHeadersNamedInConnection() {
        List<Map.Entry<String, String>> headers = backend(
                "Connection", "X-Hop, x-other-hop", "X-Hop", "1", "X-Other-Hop", "2", "X-Kept", "3");

        assertThat(values(headers, "X-Hop")).isEmpty();
        assertThat(values(headers, "X-Other-Hop")).isEmpty();
        assertThat(values(headers, "X-Kept")).containsExactly("3");
    }

    @Test
    void dropsHeadersNamedInAnyOfSeveralConnectionLines() {
        List<Map.Entry<String, String>> headers = backend(
                "Connection", "X-A", "X-A", "1", "connection", " X-B ,,", "X-B", "2", "X-C", "3");

        assertThat(names(headers)).doesNotContain("X-A", "X-B").contains("X-C");
    }

    @Test
    void connectionNamingAuthorizationCannotRemoveTheRelaysAuthorization() {
        List<Map.Entry<String, String>> headers = backend("Connection", "Authorization", "Authorization", "Bearer client");

        assertThat(values(headers, "Authorization")).containsExactly("Bearer " + TOKEN);
    }

    @Test
    void connectionNamingForwardingHeadersCannotRemoveTheRelaysOwn() {
        List<Map.Entry<String, String>> headers = backend(
                "Connection", "X-Forwarded-For, X-Forwarded-Proto, X-Forwarded-Host");

        assertThat(values(headers, "X-Forwarded-For")).containsExactly("10.0.0.7");
        assertThat(values(headers, "X-Forwarded-Proto")).containsExactly("https");
        assertThat(values(headers, "X-Forwarded-Host")).containsExactly("app.example");
    }

    @Test
    void addsExactlyOneAuthorizationWithTheToken() {
        assertThat(values(backend("Accept", "*/*"), "Authorization")).containsExactly("Bearer " + TOKEN);
    }

    @Test
    void tokenReplacesEveryClientAuthorization() {
        List<Map.Entry<String, String>> headers = backend(
                "Authorization", "Bearer forged", "authorization", "Basic Zm9vOmJhcg==", "AUTHORIZATION", "x");

        assertThat(values(headers, "Authorization")).containsExactly("Bearer " + TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cookie", "cookie", "Host", "host", "Content-Length", "content-length", "Expect",
            "Forwarded", "forwarded", "X-Forwarded-Port", "X-Forwarded-Prefix", "x-forwarded-server"})
    void dropsHeadersTheRelayOrItsHttpClientOwns(String name) {
        assertThat(values(backend(name, "v"), name)).isEmpty();
    }

    @Test
    void cookieIsNeverForwardedSoTheTokenTravelsOnlyInAuthorization() {
        List<Map.Entry<String, String>> headers = backend("Cookie", "auth_token=" + TOKEN + "; theme=dark");

        assertThat(headers).noneMatch(h -> !h.getKey().equals("Authorization") && h.getValue().contains(TOKEN));
    }

    @Test
    void clientForwardingClaimsAreReplacedByTheRelaysOwn() {
        List<Map.Entry<String, String>> headers = backend(
                "X-Forwarded-For", "1.2.3.4", "X-Forwarded-Proto", "http", "X-Forwarded-Host", "evil.example",
                "Forwarded", "for=1.2.3.4");

        assertThat(values(headers, "X-Forwarded-For")).containsExactly("10.0.0.7");
        assertThat(values(headers, "X-Forwarded-Proto")).containsExactly("https");
        assertThat(values(headers, "X-Forwarded-Host")).containsExactly("app.example");
        assertThat(values(headers, "Forwarded")).isEmpty();
    }

    @Test
    void noForwardedHostWhenTheClientSentNoHost() {
        List<Map.Entry<String, String>> headers = RequestHeaderPolicy.backendHeaders(
                List.of(), TOKEN, new RequestHeaderPolicy.ForwardedFor("::1", "http", null));

        assertThat(names(headers)).containsExactly("Authorization", "X-Forwarded-For", "X-Forwarded-Proto");
        assertThat(values(headers, "X-Forwarded-For")).containsExactly("::1");
    }

    @Test
    void endToEndHeadersPassWithValuesUnchanged() {
        String[] endToEnd = {
            "Accept", "application/json, text/plain;q=0.9",
            "Accept-Encoding", "gzip, br",
            "Accept-Language", "fr-CH, fr;q=0.9",
            "Content-Type", "multipart/form-data; boundary=----x\"y\"",
            "Content-Encoding", "gzip",
            "If-None-Match", "W/\"abc\", \"def\"",
            "If-Modified-Since", "Wed, 21 Oct 2015 07:28:00 GMT",
            "If-Match", "*",
            "Range", "bytes=0-99, 200-",
            "User-Agent", "Mozilla/5.0 (X11; Linux x86_64)",
            "X-Request-Id", "  spaced  value ",
            "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "Origin", "https://app.example",
            "Cache-Control", "no-cache",
        };
        List<Map.Entry<String, String>> headers = backend(endToEnd);

        for (int i = 0; i < endToEnd.length; i += 2) {
            assertThat(values(headers, endToEnd[i])).as(endToEnd[i]).containsExactly(endToEnd[i + 1]);
        }
    }

    @Test
    void repeatedHeadersStaySeparateLinesInOrder() {
        List<Map.Entry<String, String>> headers = backend(
                "Accept", "text/html", "X-Tag", "a", "Accept", "application/json", "X-Tag", "b, c");

        assertThat(values(headers, "Accept")).containsExactly("text/html", "application/json");
        assertThat(values(headers, "X-Tag")).containsExactly("a", "b, c");
    }

    @Test
    void endToEndHeadersKeepArrivalOrderBeforeTheRelaysOwn() {
        List<Map.Entry<String, String>> headers = backend("X-B", "1", "Accept", "*/*", "X-A", "2");

        assertThat(names(headers)).containsExactly(
                "X-B", "Accept", "X-A", "Authorization", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host");
    }

    @Test
    void headerNamesAreMatchedInAnyCase() {
        List<Map.Entry<String, String>> headers = backend("COOKIE", "a=b", "hOsT", "x", "CONNECTION", "x-drop",
                "X-DROP", "1", "CoNtEnT-tYpE", "text/plain");

        assertThat(names(headers)).containsExactly(
                "Content-Type", "Authorization", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host");
    }

    @Test
    void lowerCaseNamesAsPayaraGivesThemAreSentCanonical() {
        List<Map.Entry<String, String>> headers = backend("content-type", "application/json", "x-request-id", "7");

        assertThat(names(headers)).startsWith("Content-Type", "X-Request-Id");
    }

    @Test
    void everyForwardedHeaderIsOneTheJdkHttpClientAccepts() {
        // The JDK client throws for Connection, Content-Length, Expect, Host and Upgrade: a 500 if one slipped through.
        List<Map.Entry<String, String>> headers = backend(
                "Connection", "keep-alive", "Content-Length", "5", "Expect", "100-continue", "Host", "app.example",
                "Upgrade", "websocket", "Keep-Alive", "timeout=5", "Transfer-Encoding", "chunked", "TE", "trailers",
                "HTTP2-Settings", "AAMAAABkAAQAoAAAAAIAAAAA", "Accept", "*/*", "Content-Type", "text/plain");
        HttpRequest.Builder backendRequest = HttpRequest.newBuilder(URI.create("http://backend:8000/v1/x"));

        headers.forEach(header -> backendRequest.header(header.getKey(), header.getValue()));

        assertThat(backendRequest.build().headers().map().keySet()).containsExactlyInAnyOrder(
                "Accept", "Content-Type", "Authorization", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host");
    }
}
