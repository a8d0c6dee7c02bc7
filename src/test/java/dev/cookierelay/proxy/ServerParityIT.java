package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.testing.RecordedRequest;
import dev.cookierelay.testing.RelayClient;
import dev.cookierelay.testing.RelayDeployment;
import dev.cookierelay.testing.RelayUnderTest;
import dev.cookierelay.testing.StubBackend;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where Payara (Grizzly) and WildFly (Undertow) differ by default, the relay must not: each test here runs on
 * both servers and pins one such difference (see shared/SERVER-FACTS.md for what was measured).
 */
class ServerParityIT extends RelayUnderTest {

    /** Over WildFly's default 10 MiB max-post-size, under the suite's RELAY_MAX_REQUEST_BYTES (16 MiB). */
    private static final int LARGE_UPLOAD = 12 * 1024 * 1024;
    private static final int OVER_RELAY_LIMIT = 17 * 1024 * 1024;

    @Test
    void sseEventsReachTheClientOneByOneWithTheBackendsContentType() throws Exception {
        int events = 3;
        List<CountDownLatch> clientSaw = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            clientSaw.add(new CountDownLatch(1));
        }
        List<Boolean> seenBeforeNextEvent = new ArrayList<>();
        // The backend writes the next event only once the client has the previous one: a relay or container
        // that holds bytes back until the end (as Jersey does) makes the backend wait in vain.
        backend.on("/base/events", (request, exchange) -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < events; i++) {
                    out.write(("id: " + i + "\ndata: event " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    try {
                        seenBeforeNextEvent.add(clientSaw.get(i).await(5, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        });

        HttpResponse<InputStream> response = relay.http().send(relay.signedIn("/api/proxy/events")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        List<String> dataLines = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data: ")) {
                    dataLines.add(line);
                    clientSaw.get(dataLines.size() - 1).countDown();
                }
            }
        }

        assertThat(response.statusCode()).isEqualTo(200);
        // No ";charset=UTF-8" appended (RESTEasy would; the relay is a plain servlet and copies the header).
        assertThat(response.headers().allValues("Content-Type")).containsExactly("text/event-stream");
        assertThat(dataLines).containsExactly("data: event 0", "data: event 1", "data: event 2");
        assertThat(seenBeforeNextEvent).containsExactly(true, true, true);
    }

    @Test
    void textContentTypeWithoutCharsetStaysWithoutCharset() throws Exception {
        backend.on("/base/notes.txt", (request, exchange) ->
                StubBackend.send(exchange, 200, "text/plain", "héllo".getBytes(StandardCharsets.UTF_8)));

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/notes.txt").GET().build());

        assertThat(response.headers().allValues("Content-Type")).containsExactly("text/plain");
        assertThat(response.body()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void encodedPathReachesTheBackendExactlyAsSent() throws Exception {
        String rawPath = "/a%2Fb/%20c/%C3%A9/x%2By;v=1/%25";

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy" + rawPath + "?q=%2B&q=").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(backend.takeRequest().rawTarget()).isEqualTo("/base" + rawPath + "?q=%2B&q=");
    }

    @Test
    void backslashInThePathIsRefusedWithoutCallingTheBackend() throws Exception {
        // Payara refuses %5C itself, WildFly passes it on: the relay refuses it on both.
        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/a%5C..%5Csecret").GET().build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(backend.drainRequests(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void malformedQueryEscapeIsRefusedWithoutCallingTheBackend() throws Exception {
        // WildFly refuses %zz in the query itself, Payara passes it on: the relay refuses it on both.
        // java.net.URI refuses to build this request, so it goes out on a raw socket, as a browser may send it.
        assertThat(rawStatusLine("GET /api/proxy/search?q=%zz HTTP/1.1")).startsWith("HTTP/1.1 400");
        assertThat(backend.drainRequests(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void optionsIsAnsweredByTheBackendNotByTheContainer() throws Exception {
        backend.on("/base/things", (request, exchange) -> {
            exchange.getResponseHeaders().set("Allow", "GET, X-CUSTOM");
            exchange.sendResponseHeaders(204, -1);
        });

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/things")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().allValues("Allow")).containsExactly("GET, X-CUSTOM");
        assertThat(backend.takeRequest().method()).isEqualTo("OPTIONS");
    }

    @Test
    void traceIsRefusedWithoutCallingTheBackend() throws Exception {
        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/things")
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(backend.drainRequests(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void uploadOverTenMebibytesWithLengthArrivesWhole() throws Exception {
        byte[] upload = randomBytes(LARGE_UPLOAD);

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/files")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build());

        assertThat(response.statusCode()).isEqualTo(200);
        RecordedRequest received = backend.takeRequest();
        assertThat(received.header("Content-Length")).containsExactly(String.valueOf(LARGE_UPLOAD));
        assertThat(sha256(received.body())).isEqualTo(sha256(upload));
    }

    @Test
    void chunkedUploadOverTenMebibytesArrivesWhole() throws Exception {
        byte[] upload = randomBytes(LARGE_UPLOAD);

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/files")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(upload))).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sha256(backend.takeRequest().body())).isEqualTo(sha256(upload));
    }

    @Test
    void uploadOverTheRelayLimitGetsTheRelays413() throws Exception {
        HttpResponse<String> response = relay.sendForString(relay.signedIn("/api/proxy/files")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[OVER_RELAY_LIMIT])).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"error\":\"Request body too large\"}");
        assertThat(backend.drainRequests(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void responseCarriesTheBackendsServerAndFramingHeadersOnce() throws Exception {
        backend.on("/base/page", (request, exchange) -> {
            exchange.getResponseHeaders().set("Server", "stub-backend/1.0");
            exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
            StubBackend.okJson(request, exchange);
        });

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/page").GET().build());

        assertThat(response.headers().allValues("Server")).containsExactly("stub-backend/1.0");
        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().allValues("Date")).hasSize(1);
    }

    @Test
    void responseGetsNoServerOrFramingHeaderTheBackendDidNotSend() throws Exception {
        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/plain").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Server")).isEmpty();
        assertThat(response.headers().allValues("X-Frame-Options")).isEmpty();
        assertThat(response.headers().allValues("X-Powered-By")).isEmpty();
    }

    @Test
    void oneKeepAliveConnectionCarriesMoreThan250Requests() throws Exception {
        // Grizzly's default closes a keep-alive connection after 250 requests; pre-boot.asadmin lifts that.
        try (Socket socket = new Socket(relay.host(), relay.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            for (int i = 1; i <= 300; i++) {
                out.write(("GET /api/proxy/ping HTTP/1.1\r\nHost: " + relay.host() + "\r\nCookie: auth_token="
                        + RelayClient.TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(readResponse(in)).as("response %d on the same connection", i).contains("HTTP/1.1 200");
            }
        }
    }

    /** Reads one response with a Content-Length body; returns its head, or "" when the connection was closed. */
    private static String readResponse(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString();
            }
            head.append((char) b);
        }
        long length = head.toString().lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                .mapToLong(line -> Long.parseLong(line.substring(15).trim())).findFirst().orElse(0);
        in.readNBytes((int) length);
        if (head.toString().toLowerCase().contains("connection: close")) {
            return head + "(closed)";
        }
        return head.toString();
    }

    private String rawStatusLine(String requestLine) throws Exception {
        try (Socket socket = new Socket(relay.host(), relay.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: " + relay.host() + "\r\nCookie: auth_token="
                    + RelayClient.TOKEN + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
