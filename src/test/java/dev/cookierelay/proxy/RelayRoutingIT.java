package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.testing.RawHttp;
import dev.cookierelay.testing.RecordedRequest;
import dev.cookierelay.testing.RelayClient;
import dev.cookierelay.testing.RelayDeployment;
import dev.cookierelay.testing.RelayUnderTest;
import dev.cookierelay.testing.StubBackend;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Routing, path and query fidelity, and authentication, black-box against a recording stub backend. */
class RelayRoutingIT extends RelayUnderTest {

    @Test
    void forwardsPathUnderBasePathWithBearerToken() throws Exception {
        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/api/tasks").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body())).isEqualTo("{\"ok\":true}");
        RecordedRequest received = backend.takeRequest();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.rawTarget()).isEqualTo("/base/api/tasks");
        assertThat(received.header("Authorization")).containsExactly("Bearer " + RelayClient.TOKEN);
        assertThat(received.header("Cookie")).isEmpty();
    }

    @Test
    void answers401WithoutCookieAndNeverCallsBackend() throws Exception {
        HttpResponse<String> response = relay.sendForString(
                HttpRequest.newBuilder(relay.uri("/api/proxy/api/tasks")).GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"Not authenticated\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(backend.drainRequests(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void forwardsSmallBodyThatArrivesInTheSamePacketAsTheHeaders() throws Exception {
        // A browser's small JSON POST usually arrives in one TCP segment with its headers.
        String request = "POST /api/proxy/api/tasks HTTP/1.1\r\nHost: " + relay.host() + ":" + relay.port() + "\r\n"
                + "Cookie: auth_token=" + RelayClient.TOKEN + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 13\r\nConnection: close\r\n\r\n{\"title\":\"a\"}";

        RawHttp.Response response = RawHttp.exchange(relay.host(), relay.port(), request.getBytes(StandardCharsets.US_ASCII));

        assertThat(response.status()).isEqualTo(200);
        RecordedRequest received = backend.takeRequest();
        assertThat(new String(received.body(), StandardCharsets.US_ASCII)).isEqualTo("{\"title\":\"a\"}");
        assertThat(received.header("Content-Length")).containsExactly("13");
    }

    @ParameterizedTest
    @CsvSource({
        "/api/proxy, /base",
        "/api/proxy/, /base/",
        "/api/proxy/a/b/c/d/e/f, /base/a/b/c/d/e/f",
        "/api/proxy/a//b/, /base/a//b/",
        "/api/proxy/caf%C3%A9/a%20b/1%2B1, /base/caf%C3%A9/a%20b/1%2B1",
        "/api/proxy/files/a%2Fb, /base/files/a%2Fb",
        "/api/proxy/items;v=2/x, /base/items;v=2/x",
        "/api/proxy/q?tag=a&tag=b&empty=&x=%2B%20+&tag=a, /base/q?tag=a&tag=b&empty=&x=%2B%20+&tag=a",
        "/api/proxy/q?b=2&a=1, /base/q?b=2&a=1",
        "/api/proxy/q?flag, /base/q?flag",
        "/api/proxy/q?redirect=%2F%2Fevil.example&u=http%3A%2F%2Fx, /base/q?redirect=%2F%2Fevil.example&u=http%3A%2F%2Fx",
    })
    void forwardsRawPathAndQueryExactlyAsSent(String relayTarget, String backendTarget) throws Exception {
        HttpResponse<byte[]> response = relay.send(relay.signedIn(relayTarget).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(backend.takeRequest().rawTarget()).isEqualTo(backendTarget);
    }

    @Test
    void namedRouteUsesItsOwnTargetAndCookie() throws Exception {
        relay.send(HttpRequest.newBuilder(relay.uri("/api/chatkit/threads/1"))
                .header("Cookie", "auth_token=proxy-token; taskflow_id_token=chat-token").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        relay.send(HttpRequest.newBuilder(relay.uri("/api/proxy/tasks"))
                .header("Cookie", "auth_token=proxy-token; taskflow_id_token=chat-token").GET().build());

        RecordedRequest chat = backend.takeRequest();
        assertThat(chat.rawTarget()).isEqualTo("/chatkit/threads/1");
        assertThat(chat.header("Authorization")).containsExactly("Bearer chat-token");
        RecordedRequest proxied = backend.takeRequest();
        assertThat(proxied.rawTarget()).isEqualTo("/base/tasks");
        assertThat(proxied.header("Authorization")).containsExactly("Bearer proxy-token");
    }

    @Test
    void tokenOfOneRouteIsNeverSentToAnother() throws Exception {
        HttpResponse<String> response = relay.sendForString(HttpRequest.newBuilder(relay.uri("/api/chatkit/threads"))
                .header("Cookie", "auth_token=" + RelayClient.TOKEN).GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(backend.drainRequests(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void clientAuthorizationIsReplacedByTheCookiesToken() throws Exception {
        relay.send(relay.signedIn("/api/proxy/me").header("Authorization", "Bearer forged").GET().build());

        assertThat(backend.takeRequest().header("Authorization")).containsExactly("Bearer " + RelayClient.TOKEN);
    }
}
