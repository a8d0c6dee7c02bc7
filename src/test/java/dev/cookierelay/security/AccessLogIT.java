package dev.cookierelay.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.testing.RelayClient;
import dev.cookierelay.testing.RelayUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * With the server's access log switched on in its default format (Payara Micro {@code --accesslog}, WildFly's
 * {@code setting=access-log} with {@code pattern=common}; pom.xml and arquillian.xml turn both on), a relayed
 * call is logged by its request line, and neither the auth cookie, the token nor a client credential appears.
 */
class AccessLogIT extends RelayUnderTest {

    private static final Duration WRITTEN_WITHIN = Duration.ofSeconds(15);

    private final Path logDir = Path.of(System.getProperty("it.access.log.dir", "target/access-logs"));

    @Test
    void callIsLoggedByItsRequestLineWithoutCookieOrToken() throws Exception {
        String path = "/api/proxy/access-log-" + UUID.randomUUID();
        String clientCredential = "Basic Y2xpZW50LXNlY3JldA-" + UUID.randomUUID();

        HttpResponse<byte[]> response = relay.send(relay.signedIn(path + "?view=full")
                .header("Authorization", clientCredential).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        // Other ITs write to the same log; this call's line is the one that shows what the format records.
        String line = awaitLineContaining(path);
        assertThat(line).contains("GET " + path + "?view=full HTTP/1.1").contains("200");
        assertThat(line).doesNotContain(RelayClient.TOKEN).doesNotContain("auth_token")
                .doesNotContain("Bearer").doesNotContain(clientCredential);
    }

    /** Both servers write the access log off the request thread, so the line shows up shortly after. */
    private String awaitLineContaining(String text) throws InterruptedException {
        long deadline = System.nanoTime() + WRITTEN_WITHIN.toNanos();
        String log = "";
        while (System.nanoTime() < deadline) {
            log = allLogText();
            List<String> lines = log.lines().filter(line -> line.contains(text)).toList();
            if (!lines.isEmpty()) {
                assertThat(lines).as("one access log line per call").hasSize(1);
                return lines.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no access log line for " + text + " under " + logDir + " within " + WRITTEN_WITHIN
                + "; the log holds:\n" + log);
    }

    private String allLogText() {
        if (!Files.isDirectory(logDir)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(logDir)) {
            return files.filter(Files::isRegularFile).map(AccessLogIT::read).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
