package dev.cookierelay.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.testing.RawHttp;
import dev.cookierelay.testing.RecordedRequest;
import dev.cookierelay.testing.RelayClient;
import dev.cookierelay.testing.RelayDeployment;
import dev.cookierelay.testing.RelayUnderTest;
import dev.cookierelay.testing.ServerOutput;
import dev.cookierelay.testing.StubBackend;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per attack, sent as raw bytes over a socket (no HTTP client normalises them), on Payara Micro and on
 * WildFly: the status the relay (or the container in front of it, where noted) answers, and what the stub
 * backend received: nothing, or exactly the safe form. Where Grizzly and Undertow legitimately differ in who
 * refuses or how they parse, a row says what each server does ({@code onPayara} / {@code onWildFly}); the
 * security property of the row holds on both. Settings: pom.xml's Failsafe environment.
 */
class AttackTableIT extends RelayUnderTest {

    private static final String TOKEN = RelayClient.TOKEN;
    private static final String COOKIE = Attack.COOKIE;
    private static final int LIMIT = 16 * 1024 * 1024; // RELAY_MAX_REQUEST_BYTES in pom.xml
    private static final String DOT = "Dot segments are not allowed in the path";
    private static final String CROSS = "Cross-origin request refused";
    private static final String BACKSLASH = "Backslashes are not allowed in the path";
    private static final String CONTROL = "Encoded control characters are not allowed in the path";
    private static final String UTF8 = "Invalid UTF-8 in the path";
    private static ServerOutput serverLog;

    @BeforeAll
    static void captureServerLog() {
        serverLog = ServerOutput.capture();
    }

    @AfterAll
    static void tokenNeverReachedTheServerLog() {
        serverLog.close();
        // The capture works (the 413 row logs this line), and no row made the server log the token.
        assertThat(serverLog.text()).contains("answered 413").doesNotContain(TOKEN).doesNotContain("Bearer");
    }

    @BeforeEach
    void backendSendsItsOwnCorsHeaders() {
        backend.on("/base/cors", (request, exchange) -> {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().add("Access-Control-Allow-Credentials", "true");
            StubBackend.okJson(request, exchange);
        });
    }

    static Stream<Attack> attacks() {
        return Stream.of(
                // --- cross-site request forgery (RELAY_CSRF_MODE=origin, RELAY_TRUSTED_ORIGINS=https://app.example)
                post("cross-site POST (Sec-Fetch-Site)", "Sec-Fetch-Site: cross-site\r\nOrigin: https://evil.example\r\n").refused(403, CROSS),
                post("same-site POST from a sibling origin", "Sec-Fetch-Site: same-site\r\nOrigin: https://sub.evil.example\r\n").refused(403, CROSS),
                request("PUT", "/api/proxy/x", "Origin: https://evil.example\r\nContent-Length: 0\r\n", "")
                        .named("cross-origin PUT, old browser (Origin only)").refused(403, CROSS),
                request("DELETE", "/api/proxy/x", "Origin: null\r\n", "").named("DELETE from an opaque origin (Origin: null)").refused(403, CROSS),
                // Grizzly answers a body on DELETE with a bare 400 unless allow-payload-for-undefined-http-methods
                // (deploy/payara-micro/pre-boot.asadmin): with it, the relay's own 403, as for PUT and PATCH.
                request("DELETE", "/api/proxy/x", "Sec-Fetch-Site: cross-site\r\nContent-Type: application/json\r\nContent-Length: 13\r\n",
                        "{\"id\":\"a1b2\"}").named("cross-site DELETE with a JSON body").refused(403, CROSS),
                request("PUT", "/api/proxy/x", "Sec-Fetch-Site: cross-site\r\nContent-Type: application/json\r\nContent-Length: 13\r\n",
                        "{\"id\":\"a1b2\"}").named("cross-site PUT with a JSON body").refused(403, CROSS),
                request("DELETE", "/api/proxy/x", "Sec-Fetch-Site: same-origin\r\nContent-Type: application/json\r\nContent-Length: 13\r\n",
                        "{\"id\":\"a1b2\"}").named("same-origin DELETE with a JSON body is forwarded byte-exact").forwarded("/base/x")
                        .received(r -> assertThat(r.method()).isEqualTo("DELETE"))
                        .received(r -> assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"a1b2\"}"))
                        .received(r -> assertThat(r.header("Content-Type")).containsExactly("application/json")),
                request("PATCH", "/api/proxy/x", "Origin: https://{host}\r\nContent-Length: 0\r\n", "")
                        .named("PATCH from this host over another scheme").refused(403, CROSS),
                post("cross-site POST without a cookie still 403, not 401", "Sec-Fetch-Site: cross-site\r\n").withoutCookie().refused(403, CROSS),
                post("same-origin POST (Sec-Fetch-Site) passes", "Sec-Fetch-Site: same-origin\r\n").forwarded("/base/x"),
                post("same-origin POST (Origin matches Host) passes", "Origin: http://{host}\r\n").forwarded("/base/x"),
                post("non-browser POST (neither header) passes", "").forwarded("/base/x"),
                post("cross-site POST from the trusted origin passes with CORS grant",
                        "Sec-Fetch-Site: cross-site\r\nOrigin: https://app.example\r\n").forwarded("/base/x")
                        .response(r -> assertThat(r.header("Access-Control-Allow-Origin")).containsExactly("https://app.example"))
                        .response(r -> assertThat(r.header("Access-Control-Allow-Credentials")).containsExactly("true")),
                get("cross-site GET (safe method) passes, no CORS grant", "/api/proxy/x", "Sec-Fetch-Site: cross-site\r\nOrigin: https://evil.example\r\n")
                        .forwarded("/base/x").response(r -> assertThat(r.header("Access-Control-Allow-Origin")).isEmpty()),
                request("OPTIONS", "/api/proxy/x", "Origin: https://evil.example\r\nAccess-Control-Request-Method: POST\r\n", "")
                        .named("preflight from an untrusted origin").withoutCookie().refused(403, CROSS)
                        .response(r -> assertThat(r.headText()).doesNotContainIgnoringCase("Access-Control-Allow")),
                request("OPTIONS", "/api/proxy/x", "Origin: https://app.example\r\nAccess-Control-Request-Method: PUT\r\n"
                        + "Access-Control-Request-Headers: content-type\r\n", "").named("preflight from the trusted origin, answered by the relay")
                        .withoutCookie().status(204).nothingForwarded()
                        .response(r -> assertThat(r.header("Access-Control-Allow-Origin")).containsExactly("https://app.example"))
                        .response(r -> assertThat(r.header("Access-Control-Allow-Headers")).containsExactly("content-type"))
                        .response(r -> assertThat(r.header("Vary")).isNotEmpty()),
                get("backend's own Access-Control-* headers are dropped", "/api/proxy/cors", "")
                        .forwarded("/base/cors").response(r -> assertThat(r.headText()).doesNotContainIgnoringCase("Access-Control-")),

                // --- path: dot segments, encodings
                get("raw dot segment", "/api/proxy/../x", "").refused(400, DOT),
                get("encoded dot segment %2e%2e", "/api/proxy/%2e%2e/x", "").refused(400, DOT),
                get("half-encoded dot segment .%2e", "/api/proxy/.%2e/x", "").refused(400, DOT),
                get("upper-case %2E.", "/api/proxy/%2E./x", "").refused(400, DOT),
                get("dot segment behind a path parameter ..;", "/api/proxy/..;/x", "").refused(400, DOT),
                get("dot segment behind an encoded ; (..%3B)", "/api/proxy/..%3B/x", "").refused(400, DOT),
                get("dot segment hidden between encoded slashes", "/api/proxy/a%2F..%2Fb", "").refused(400, DOT),
                get("single dot segment", "/api/proxy/./x", "").refused(400, DOT),
                get("dot segments climbing out of /api (container normalises, 404)", "/api/proxy/../../x", "").status(404).nothingForwarded(),
                get("double-encoded dots are decoded once only: forwarded raw", "/api/proxy/%252e%252e/x", "").forwarded("/base/%252e%252e/x"),
                get("encoded slash stays encoded", "/api/proxy/a%2Fb", "").forwarded("/base/a%2Fb"),
                get("legal ;params and sub-delims pass untouched", "/api/proxy/items;v=1/b!$&'()*+,=:@~", "")
                        .forwarded("/base/items;v=1/b!$&'()*+,=:@~"),
                // Grizzly: 400 Invalid URI itself; Undertow passes %5C raw and the relay refuses it.
                get("encoded backslash", "/api/proxy/a%5Cb", "").refused(400, BACKSLASH).onPayara(400, ""),
                // Both containers refuse a raw backslash in the request line themselves (400, empty body).
                get("raw backslash", "/api/proxy/a\\b", "").refusedByContainer(400),
                // Grizzly: 400 Invalid URI itself; Undertow passes %00 raw and the relay refuses it.
                get("encoded NUL", "/api/proxy/a%00b", "").refused(400, CONTROL).onPayara(400, ""),
                get("encoded CR LF in the path", "/api/proxy/a%0d%0aX-Injected:%201", "").refused(400, CONTROL),
                // Grizzly: 400 Invalid URI itself; Undertow passes the lone %C3 and the relay refuses it.
                get("escape that is not UTF-8 (lone lead byte)", "/api/proxy/a%C3", "").refused(400, UTF8).onPayara(400, ""),
                // Overlong UTF-8 for "." (lenient decoders read "..") - Grizzly: 400 Invalid URI; on Undertow the relay refuses.
                get("overlong UTF-8 dots %C0%AE%C0%AE", "/api/proxy/%C0%AE%C0%AE/x", "").refused(400, UTF8).onPayara(400, ""),
                get("valid UTF-8 escapes pass untouched", "/api/proxy/caf%C3%A9/%E2%82%AC", "").forwarded("/base/caf%C3%A9/%E2%82%AC"),
                // Neither lets the app see it: Grizzly answers 200 with an empty body, Undertow 400 with an empty body.
                get("invalid escape in the path", "/api/proxy/a%zz", "").refusedByContainer(400).onPayara(200, ""),
                get("trailing % in the path", "/api/proxy/a%", "").refusedByContainer(400).onPayara(200, ""),
                // RFC 9112 §3.2: a malformed request line, 400, on both as the suite runs them. Measured by hand: Payara
                // Micro with its access log off answers 505 instead (it reads "b HTTP/1.1" as the version); with it on
                // (--accesslog, as here) 400. Either way nothing reaches the relay (README, "What the container does").
                get("raw space in the path", "/api/proxy/a b", "").refusedByContainer(400),
                get("raw tab in the path", "/api/proxy/a\tb", "").refusedByContainer(400),
                // Grizzly passes raw non-ASCII to the relay, which refuses it; Undertow refuses it itself (400, empty body).
                get("raw non-ASCII bytes in the path", "/api/proxy/caf\u00c3\u00a9", "").refused(400, "Illegal character in the path")
                        .onWildFly(400, ""),
                // Grizzly passes bad query escapes to the relay, which refuses them; Undertow refuses them itself.
                get("invalid escape in the query", "/api/proxy/x?a=%zz", "").refused(400, "Invalid percent-encoding in the query")
                        .onWildFly(400, ""),
                get("trailing % in the query", "/api/proxy/x?a=%", "").refused(400, "Invalid percent-encoding in the query")
                        .onWildFly(400, ""),
                get("encoded CR LF in the query", "/api/proxy/x?a=%0d%0aX-Injected:1", "")
                        .refused(400, "Encoded control characters are not allowed in the query"),

                // --- host confusion: the only host ever contacted is the route's target
                get("//host after the prefix", "/api/proxy//evil.example/x", "").forwarded("/base//evil.example/x").toStubHost(),
                get("http://host after the prefix", "/api/proxy/http://evil.example/x", "").forwarded("/base/http://evil.example/x").toStubHost(),
                get("@host glued to the route name", "/api/proxy@evil.example/x", "").refused(404, "No such route"),
                get("@host after the prefix", "/api/proxy/@evil.example/x", "").forwarded("/base/@evil.example/x").toStubHost(),
                get("%2F%2Fhost after the prefix", "/api/proxy/%2F%2Fevil.example/x", "").forwarded("/base/%2F%2Fevil.example/x").toStubHost(),
                // Grizzly: 400 Invalid URI itself; Undertow passes %5C raw and the relay refuses it.
                get("%5C%5Chost after the prefix", "/api/proxy/%5C%5Cevil.example/x", "").refused(400, BACKSLASH).onPayara(400, ""),
                new Attack("absolute-form request target naming another host",
                        "GET http://evil.example/api/proxy/x HTTP/1.1\r\nHost: evil.example\r\n" + COOKIE + "Connection: close\r\n\r\n")
                        .forwarded("/base/x").toStubHost(),
                new Attack("Host header naming another host",
                        "GET /api/proxy/x HTTP/1.1\r\nHost: evil.example\r\n" + COOKIE + "Connection: close\r\n\r\n")
                        .forwarded("/base/x").toStubHost(),
                get("client X-Forwarded-Host / Forwarded are replaced", "/api/proxy/x",
                        "X-Forwarded-Host: evil.example\r\nForwarded: host=evil.example\r\nX-Forwarded-Proto: https\r\n")
                        .forwarded("/base/x").toStubHost()
                        .received(r -> assertThat(r.header("X-Forwarded-Host")).containsExactly("{host}"))
                        .received(r -> assertThat(r.header("X-Forwarded-Proto")).containsExactly("http"))
                        .received(r -> assertThat(r.header("Forwarded")).isEmpty()),
                // Grizzly passes both lines to the relay, which refuses them; Undertow: 400 Only One Host Header Allowed.
                get("two Host headers", "/api/proxy/x", "Host: evil.example\r\n").refused(400, "Multiple Host headers")
                        .onWildFly(400, ""),

                // --- headers: injection, framing, size
                // Grizzly: 400 itself; Undertow ends the line at a bare LF, so the backend gets two clean header lines.
                get("bare LF inside a header value", "/api/proxy/x", "X-A: a\nX-Injected: b\r\n").refusedByContainer(400)
                        .onWildFly(a -> a.splitIntoTwoHeaders()),
                // Grizzly: 400 itself; Undertow ends the line at a bare CR, so the backend gets two clean header lines.
                get("bare CR inside a header value", "/api/proxy/x", "X-A: a\rX-Injected: b\r\n").refusedByContainer(400)
                        .onWildFly(a -> a.splitIntoTwoHeaders()),
                // Grizzly: 400 itself; Undertow passes NUL to the relay, whose backend request refuses the value.
                get("NUL inside a header value", "/api/proxy/x", "X-A: a\u0000b\r\n").refused(400, "Invalid request header")
                        .onPayara(400, ""),
                // Grizzly: 400 itself; Undertow passes the control character to the relay, which refuses the value.
                get("control character inside a header value", "/api/proxy/x", "X-A: a\u0001b\r\n").refused(400, "Invalid request header")
                        .onPayara(400, ""),
                // RFC 9112 §5.1 says 400; Grizzly does so, Undertow ends the name at the space and keeps ": 1" as the value.
                get("space before the colon", "/api/proxy/x", "X-A : 1\r\n").refusedByContainer(400)
                        .onWildFly(a -> a.status(200).forwarded("/base/x").received(r -> assertThat(r.header("X-A")).containsExactly(": 1"))),
                // The smuggling form of the above: neither server lets it frame a body (Undertow: TE + CL, 400 itself).
                request("POST", "/api/proxy/x", "Transfer-Encoding : chunked\r\nContent-Length: 3\r\n", "5\r\nhello\r\n0\r\n\r\n")
                        .named("Transfer-Encoding with a space before the colon, plus Content-Length").refusedByContainer(400),
                get("obs-fold is unfolded into one value", "/api/proxy/x", "X-A: a\r\n folded\r\n").forwarded("/base/x")
                        .received(r -> assertThat(r.header("X-A")).containsExactly("a folded")),
                request("POST", "/api/proxy/x", "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n", "5\r\nhello\r\n0\r\n\r\n")
                        .named("Transfer-Encoding with Content-Length (both containers: 400)").refusedByContainer(400),
                request("POST", "/api/proxy/x", "Content-Length: 3\r\nContent-Length: 5\r\n", "hello")
                        .named("conflicting Content-Lengths (both containers: 400)").refusedByContainer(400),
                request("POST", "/api/proxy/x", "Content-Length: 5, 5\r\n", "hello").named("Content-Length list (both containers: 400)")
                        .refusedByContainer(400),
                request("POST", "/api/proxy/x", "Transfer-Encoding: gzip\r\n", "hello").named("Transfer-Encoding without chunked")
                        .refused(400, "Invalid Transfer-Encoding"),
                request("POST", "/api/proxy/x", "Transfer-Encoding: xchunked\r\n", "5\r\nhello\r\n0\r\n\r\n")
                        .named("Transfer-Encoding that merely contains 'chunked'").refused(400, "Invalid Transfer-Encoding"),
                request("POST", "/api/proxy/x", "Transfer-Encoding: gzip, chunked\r\n", "5\r\nhello\r\n0\r\n\r\n")
                        .named("unsupported transfer coding before chunked").refused(501, "Unsupported transfer coding"),
                // Grizzly's header buffer is 8 KiB (400 itself); Undertow's max-header-size is 1 MiB: forwarded intact.
                get("9 KiB header", "/api/proxy/x", "X-Big: " + "a".repeat(9 * 1024) + "\r\n").refusedByContainer(400)
                        .onWildFly(a -> a.status(200).forwarded("/base/x")
                                .received(r -> assertThat(r.header("X-Big")).containsExactly("a".repeat(9 * 1024)))),
                get("header over 1 MiB (both containers: 400)", "/api/proxy/x", "X-Big: " + "a".repeat(1100 * 1024) + "\r\n")
                        .refusedByContainer(400),
                // "Connection: close" first: both containers read only the first Connection line to decide on keep-alive.
                new Attack("Connection naming Authorization cannot remove the relay's token", "GET /api/proxy/x HTTP/1.1\r\nHost: {host}\r\n"
                        + COOKIE + "Connection: close\r\nConnection: Authorization, X-A\r\nX-A: 1\r\nAuthorization: Bearer forged\r\n\r\n")
                        .forwarded("/base/x")
                        .received(r -> assertThat(r.header("Authorization")).containsExactly("Bearer " + TOKEN))
                        .received(r -> assertThat(r.header("X-A")).isEmpty()),

                // --- cookie value (AUTH_COOKIE_MAX_LENGTH=4096 in pom.xml)
                get("cookie value with a comma", "/api/proxy/x", "Cookie: auth_token=a,b\r\n").withoutCookie().refused(401, "Not authenticated"),
                get("cookie value with a backslash", "/api/proxy/x", "Cookie: auth_token=a\\b\r\n").withoutCookie().refused(401, "Not authenticated"),
                get("cookie value longer than the maximum", "/api/proxy/x", "Cookie: auth_token=" + "a".repeat(4097) + "\r\n")
                        .withoutCookie().refused(401, "Not authenticated"),
                get("cookie value at the maximum passes", "/api/proxy/x", "Cookie: auth_token=" + "a".repeat(4096) + "\r\n")
                        .withoutCookie().forwarded("/base/x")
                        .received(r -> assertThat(r.header("Authorization")).containsExactly("Bearer " + "a".repeat(4096))),
                get("Cookie header never reaches the backend", "/api/proxy/x", "Cookie: other=1\r\n").forwarded("/base/x")
                        .received(r -> assertThat(r.header("Cookie")).isEmpty()),

                // --- body limit (RELAY_MAX_REQUEST_BYTES=16 MiB in pom.xml)
                request("POST", "/api/proxy/x", "Content-Length: " + (LIMIT + 1024 * 1024) + "\r\n", "")
                        .named("declared body over the limit: 413 before the backend").refused(413, "Request body too large"),
                new Attack("chunked body growing over the limit: exchange aborted", Attack.chunkedBody(LIMIT + 1024 * 1024))
                        .refused(413, "Request body too large"),
                new Attack("1 MiB body under the limit passes byte-exact", Attack.chunkedBody(1024 * 1024)).forwarded("/base/x")
                        .received(r -> assertThat(r.body()).hasSize(1024 * 1024)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void attack(Attack attack) throws Exception {
        String host = new URL(base, "/").getHost();
        int port = base.getPort();
        String hostHeader = host + ":" + port;

        RawHttp.Response response = RawHttp.exchange(host, port, attack.writer(hostHeader));

        assertThat(response.status()).as(response.headText()).isEqualTo(attack.status);
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1) + response.headText()).doesNotContain(TOKEN);
        attack.responseChecks.forEach(check -> check.accept(response));
        if (attack.containerBody != null) {
            assertThat(response.bodyText()).as("body made by the container").isEqualTo(attack.containerBody);
        }
        if (attack.error != null) {
            assertThat(response.bodyText()).isEqualTo("{\"error\":\"" + attack.error + "\"}");
            assertThat(response.header("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(response.header("Cache-Control")).containsExactly("no-store");
        }
        if (attack.forwardedTarget == null) {
            assertThat(backend.drainRequests(Duration.ofMillis(250))).as("backend requests").isEmpty();
            return;
        }
        RecordedRequest received = backend.takeRequest();
        assertThat(received.rawTarget()).isEqualTo(attack.forwardedTarget);
        if (attack.toStubHost) {
            assertThat(received.header("Host")).containsExactly("127.0.0.1:" + RelayDeployment.stubPort());
        }
        for (Consumer<RecordedRequest> check : attack.receivedChecks) {
            check.accept(withHost(received, hostHeader));
        }
        assertThat(backend.drainRequests(Duration.ofMillis(50))).as("only one backend request").isEmpty();
    }

    // Lets a row expect "{host}" (the relay's address) in a header the backend received.
    private static RecordedRequest withHost(RecordedRequest received, String hostHeader) {
        return new RecordedRequest(received.method(), received.rawTarget(), received.headers().stream()
                .map(h -> java.util.Map.entry(h.getKey(), h.getValue().replace(hostHeader, "{host}"))).toList(), received.body());
    }

    private static Attack get(String name, String target, String headers) {
        return request("GET", target, headers, "").named(name);
    }

    private static Attack post(String name, String headers) {
        return request("POST", "/api/proxy/x", headers + "Content-Length: 2\r\n", "{}").named(name);
    }

    private static Attack request(String method, String target, String headers, String body) {
        return new Attack(method + " " + target, method + " " + target + " HTTP/1.1\r\nHost: {host}\r\n" + COOKIE + headers
                + "Connection: close\r\n\r\n" + body);
    }
}
