package dev.cookierelay.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.testing.RecordedRequest;
import dev.cookierelay.testing.StubBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * deploy/wildfly as ops use it, on a real server: configure.cli sets the relay up (config source, body limit,
 * deployment) so that it relays, and restore-configuration.cli puts the management model back exactly.
 */
@Tag("wildfly-scripts")
class WildFlyScriptsIT {

    private static final String TOKEN = "scripts-test-token";

    private final Path deployDir = Path.of(System.getProperty("deploy.dir", "deploy")).resolve("wildfly");
    private final Path workDir = Path.of(System.getProperty("scripts.work.dir", "target/wildfly-scripts"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void configureMakesTheRelayWorkAndRestorePutsTheModelBackExactly() throws Exception {
        try (StubBackend backend = StubBackend.start(0);
             WildFlyServer server = new WildFlyServer(Path.of(System.getProperty("wildfly.home")), workDir,
                     Integer.getInteger("wildfly.scripts.port.offset"))) {
            server.start();
            String modelBefore = model(server);

            server.cli("--resolve-parameter-values", "--properties=" + properties(backend.port()),
                    "--file=" + deployDir.resolve("configure.cli"));
            assertRelayWorks(server, backend);

            server.cli("--file=" + deployDir.resolve("restore-configuration.cli"));
            assertThat(model(server)).isEqualTo(modelBefore);
            assertThat(get(server, "/api/proxy/hello").statusCode()).isEqualTo(404);
        }
    }

    private void assertRelayWorks(WildFlyServer server, StubBackend backend) throws Exception {
        // The settings come from the script's config source only (the server has no relay env vars).
        HttpResponse<String> relayed = get(server, "/api/proxy/hello");
        assertThat(relayed.statusCode()).as(relayed.body()).isEqualTo(200);
        RecordedRequest received = backend.takeRequest();
        assertThat(received.rawTarget()).isEqualTo("/scripts/hello");
        assertThat(received.header("Authorization")).containsExactly("Bearer " + TOKEN);

        // Over Undertow's default 10 MiB max-post-size: only the raised limit lets it through.
        byte[] upload = new byte[12 * 1024 * 1024];
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(relayUri(server, "/api/proxy/upload"))
                .header("Cookie", "scripts_cookie=" + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).isEqualTo(200);
        assertThat(backend.takeRequest().body()).hasSize(upload.length);
    }

    private HttpResponse<String> get(WildFlyServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(relayUri(server, path)).header("Cookie", "scripts_cookie=" + TOKEN)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI relayUri(WildFlyServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.httpPort() + path);
    }

    /** The whole persistent management model, as the server reports it. */
    private static String model(WildFlyServer server) throws Exception {
        return server.cli("--output-json", "--command=:read-resource(recursive=true)");
    }

    private Path properties(int backendPort) throws Exception {
        Path file = workDir.resolve("cookie-relay.properties");
        Files.writeString(file, String.join("\n",
                "relay.war=" + System.getProperty("relay.war"),
                "relay.BACKEND_URL=http://127.0.0.1:" + backendPort + "/scripts",
                "relay.AUTH_COOKIE_NAME=scripts_cookie",
                "relay.RELAY_ROUTES=", ""));
        return file;
    }
}
