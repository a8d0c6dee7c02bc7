package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.testing.RawHttp;
import dev.cookierelay.testing.RecordedRequest;
import dev.cookierelay.testing.RelayClient;
import dev.cookierelay.testing.RelayDeployment;
import dev.cookierelay.testing.StubBackend;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Routing, path and query fidelity, and authentication, black-box against a recording stub backend. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RelayRoutingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RelayDeployment.war();
    }

    @ArquillianResource
    URL base;

    StubBackend backend;
    RelayClient relay;

    @BeforeEach
    void startBackend() throws Exception {
        backend = StubBackend.start(RelayDeployment.stubPort());
        relay = new RelayClient(base);
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

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
        assertThat(backend.drainRequests(java.time.Duration.ofMillis(200))).isEmpty();
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
}
