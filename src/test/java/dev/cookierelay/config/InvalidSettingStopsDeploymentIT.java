package dev.cookierelay.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad setting must stop the deployment, with a message that names the key, instead of serving
 * requests with a broken configuration. Boots the shipped WAR in its own Payara Micro, as ops would.
 */
class InvalidSettingStopsDeploymentIT {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BACKEND_URL | ftp://files.example/x | Invalid setting BACKEND_URL: must be an absolute http:// or https:// URL",
        "BACKEND_URL | http://api.example/v1?x=1 | Invalid setting BACKEND_URL: must not have a query or fragment",
        "BACKEND_TIMEOUT_SECONDS | soon | Invalid setting BACKEND_TIMEOUT_SECONDS: must be a whole number",
        "RELAY_ROUTES | Chat | Invalid setting RELAY_ROUTES: route name 'Chat'",
        "RELAY_MOUNT_PATH | /api/* | Invalid setting RELAY_MOUNT_PATH: '/api/*' must be a path such as /api",
    })
    void serverRefusesTheWarAndNamesTheKey(String key, String value, String expectedMessage) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "invalid-setting", ".log");
        ProcessBuilder payara = new ProcessBuilder(List.of(javaBinary(), "-Xmx512m", "-jar",
                System.getProperty("payara.micro.jar"), "--deploy", System.getProperty("relay.war"),
                "--contextroot", "/", "--port", String.valueOf(port), "--nocluster",
                "--prebootcommandfile", System.getProperty("payara.preboot")))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        payara.environment().put(key, value);
        Process server = payara.start();
        try {
            String output = awaitBoot(log, server);

            assertThat(output).contains(expectedMessage).contains("Exception while loading the app");
            // Payara answers for the failed application itself; the relay never runs with the bad setting.
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/proxy/x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("the relay is not serving").isNotEqualTo(401);
            assertThat(response.body()).doesNotContain("Not authenticated");
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits, at most two minutes, until Payara Micro has finished booting (with or without the WAR). */
    private static String awaitBoot(Path log, Process server) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (output.contains(" ready in ")) {
                return output;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Payara Micro did not finish booting:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
