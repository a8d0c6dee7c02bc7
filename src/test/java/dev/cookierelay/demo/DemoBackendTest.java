package dev.cookierelay.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo backend on its own (JDK server on 127.0.0.1:0), as the relay will call it. */
class DemoBackendTest {

    private static final String TOKEN = "unit-test-token";

    DemoBackend backend;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        backend = DemoBackend.start(0, TOKEN);
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + backend.port() + path))
                .header("Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answers401WithoutTheBearerToken() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + backend.port() + "/tasks")).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void answers401ForAnotherToken() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + backend.port() + "/echo")).header("Authorization", "Bearer other").build());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void createdTaskAppearsInTheList() throws Exception {
        HttpResponse<String> created = send(request("/tasks").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Buy \\\"milk\\\" \\u00e9\"}")).build());
        HttpResponse<String> list = send(request("/tasks").build());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"id\":3,\"title\":\"Buy \\\"milk\\\" \u00e9\"}");
        assertThat(created.headers().firstValue("Location")).hasValue("/tasks/3");
        assertThat(list.body()).endsWith(",{\"id\":3,\"title\":\"Buy \\\"milk\\\" \u00e9\"}]");
    }

    @Test
    void rejectsTaskWithoutTitle() throws Exception {
        HttpResponse<String> response = send(request("/tasks")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"error\":");
    }

    @Test
    void uploadReportsSizeAndSha256OfTheBody() throws Exception {
        byte[] body = new byte[300_000];
        new Random(7).nextBytes(body);

        HttpResponse<String> response = send(request("/upload").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        assertThat(response.body()).isEqualTo(
                "{\"bytes\":300000,\"sha256\":\"" + sha + "\",\"contentType\":\"application/octet-stream\"}");
    }

    @Test
    void downloadSendsThePngWithItsDigest() throws Exception {
        HttpResponse<byte[]> response = http.send(request("/files/report.png").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.body()).isEqualTo(DemoFiles.report());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.headers().firstValue("Repr-Digest")).hasValueSatisfying(v -> assertThat(v).startsWith("sha-256=:"));
    }

    @Test
    void echoReportsTheAuthorizationItReceived() throws Exception {
        HttpResponse<String> response = send(request("/echo?x=1").build());

        assertThat(response.body()).startsWith("{\"method\":\"GET\",\"target\":\"/echo?x=1\",\"headers\":[")
                .contains("[\"Authorization\",\"Bearer " + TOKEN + "\"]");
    }
}
