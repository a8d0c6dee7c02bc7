package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.testing.RelayClient;
import dev.cookierelay.testing.RelayDeployment;
import dev.cookierelay.testing.RelayUnderTest;
import dev.cookierelay.testing.StubBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the client gets when the relay answers itself: 401, 404, 405, 502, 504 — JSON, and nothing internal in it. */
class RelayFailureIT extends RelayUnderTest {

    /** A relay-made error: JSON, not cacheable, not sniffable, and free of hosts, ports, classes and the token. */
    private static void assertRelayError(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo("{\"error\":\"" + message + "\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        String everything = response.headers().map() + response.body();
        assertThat(everything).doesNotContain("127.0.0.1", String.valueOf(RelayDeployment.stubPort()),
                String.valueOf(RelayDeployment.closedPort()), "Exception", RelayClient.TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth_token=", "other=1", "auth_token=has space", "auth_token=\"\""})
    void answers401ForAMissingEmptyOrMalformedCookieWithoutCallingTheBackend(String cookie) throws Exception {
        HttpResponse<String> response = relay.sendForString(HttpRequest.newBuilder(relay.uri("/api/proxy/tasks"))
                .header("Cookie", cookie).GET().build());

        assertRelayError(response, 401, "Not authenticated");
        assertThat(backend.drainRequests(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void answers502WhenTheBackendIsDown() throws Exception {
        HttpResponse<String> response = relay.sendForString(relay.signedIn("/api/down/anything").GET().build());

        assertRelayError(response, 502, "Backend unreachable");
    }

    @Test
    void answers504WhenTheBackendSendsNoHeadersInTime() throws Exception {
        int timeoutSeconds = RelayDeployment.backendTimeoutSeconds();
        backend.on("/base/slow", (request, exchange) -> {
            sleep(TimeUnit.SECONDS.toMillis(timeoutSeconds + 3L));
            StubBackend.okJson(request, exchange);
        });
        long start = System.nanoTime();

        HttpResponse<String> response = relay.sendForString(relay.signedIn("/api/proxy/slow").GET().build());

        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertRelayError(response, 504, "Backend timed out");
        assertThat(elapsedMillis).isBetween(timeoutSeconds * 1000L - 100, timeoutSeconds * 1000L + 2_000);
    }

    @Test
    void answers502WhenTheBackendHangsUpWithoutAnswering() throws Exception {
        // A raw backend on the "down" route's port that reads the request and closes without a byte.
        try (ServerSocket hangingUp = new ServerSocket(RelayDeployment.closedPort(), 8, InetAddress.getLoopbackAddress())) {
            Thread backendThread = new Thread(() -> hangUpOnRequests(hangingUp));
            backendThread.setDaemon(true);
            backendThread.start();

            HttpResponse<String> response = relay.sendForString(relay.signedIn("/api/down/hangup").GET().build());

            assertRelayError(response, 502, "Backend request failed");
        }
    }

    /** Accepts connections until closed; each that carries a request is closed unanswered (health probes send none). */
    private static void hangUpOnRequests(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket connection = server.accept()) {
                connection.getInputStream().read(new byte[8192]);
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Test
    void answers502KeepingTheRelaysOwnHeadersWhenTheBackendDiesAfterItsHeaders() throws Exception {
        backend.on("/base/dies", (request, exchange) -> {
            // Promises 1000 bytes and hangs up without one (closing a short fixed-length body drops the connection).
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().flush();
        });

        HttpResponse<String> response = relay.sendForString(relay.signedIn("/api/proxy/dies").GET().build());

        assertRelayError(response, 502, "Backend request failed");
        assertThat(response.headers().firstValue("RateLimit-Policy")).as("rate-limit fields survive").isPresent();
    }

    @Test
    void answers404ForAnUnknownRoute() throws Exception {
        HttpResponse<String> response = relay.sendForString(relay.signedIn("/api/nosuchroute/x").GET().build());

        assertRelayError(response, 404, "No such route");
        assertThat(backend.drainRequests(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void answers405WithAllowForAMethodARelayDoesNotForward() throws Exception {
        HttpResponse<String> response = relay.sendForString(relay.signedIn("/api/proxy/x")
                .method("PROPFIND", HttpRequest.BodyPublishers.noBody()).build());

        assertRelayError(response, 405, "Method not allowed");
        assertThat(response.headers().allValues("Allow")).containsExactly("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    }

    @Test
    void backendErrorBodyIsNotMistakenForARelayError() throws Exception {
        byte[] body = "<html>upstream 502 page</html>".getBytes(StandardCharsets.UTF_8);
        backend.on("/base/gw", (request, exchange) -> StubBackend.send(exchange, 502, "text/html", body));

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/gw").GET().build());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().allValues("Cache-Control")).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
