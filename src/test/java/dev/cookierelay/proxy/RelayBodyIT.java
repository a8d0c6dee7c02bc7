package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.cookierelay.testing.Bytes;
import dev.cookierelay.testing.RecordedRequest;
import dev.cookierelay.testing.RelayClient;
import dev.cookierelay.testing.RelayDeployment;
import dev.cookierelay.testing.RelayUnderTest;
import dev.cookierelay.testing.StubBackend;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies cross the relay byte for byte in both directions, with their type, encoding and framing. */
class RelayBodyIT extends RelayUnderTest {

    private static final long ONE_GIB = 1L << 30;

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    void forwardsEveryMethodAsItself(String method) throws Exception {
        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/things/1")
                .method(method, BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(200);
        RecordedRequest received = backend.takeRequest();
        assertThat(received.method()).isEqualTo(method);
        assertThat(received.rawTarget()).isEqualTo("/base/things/1");
        assertThat(new String(response.body())).isEqualTo(method.equals("HEAD") ? "" : "{\"ok\":true}");
    }

    @Test
    void aRequestWithoutBodyGetsNoFramingAndAnEmptyPostSaysItIsEmpty() throws Exception {
        relay.send(relay.signedIn("/api/proxy/things/1").GET().build());
        RecordedRequest get = backend.takeRequest();
        relay.send(relay.signedIn("/api/proxy/things").POST(BodyPublishers.noBody()).build());
        RecordedRequest post = backend.takeRequest();

        // RFC 9110 §8.6: no Content-Length on a GET without content; a POST without one says 0.
        assertThat(get.header("Content-Length")).isEmpty();
        assertThat(get.header("Transfer-Encoding")).isEmpty();
        assertThat(post.header("Content-Length")).containsExactly("0");
        assertThat(post.header("Transfer-Encoding")).isEmpty();
        assertThat(post.body()).isEmpty();
    }

    @Test
    void uploadsBinaryBytesExactlyWithTheirLength() throws Exception {
        byte[] upload = Bytes.binary(1 << 20);

        relay.send(relay.signedIn("/api/proxy/files").header("Content-Type", "application/octet-stream")
                .PUT(BodyPublishers.ofByteArray(upload)).build());

        RecordedRequest received = backend.takeRequest();
        assertThat(received.body()).isEqualTo(upload);
        assertThat(received.header("Content-Length")).containsExactly(String.valueOf(upload.length));
        assertThat(received.header("Content-Type")).containsExactly("application/octet-stream");
        assertThat(received.header("Transfer-Encoding")).isEmpty();
    }

    @Test
    void keepsAChunkedUploadChunked() throws Exception {
        byte[] upload = Bytes.binary(300_000);

        relay.send(relay.signedIn("/api/proxy/files").header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(upload))).build());

        RecordedRequest received = backend.takeRequest();
        assertThat(received.body()).isEqualTo(upload);
        assertThat(received.header("Transfer-Encoding")).containsExactly("chunked");
        assertThat(received.header("Content-Length")).isEmpty();
    }

    @Test
    void uploadsMultipartWithItsBoundaryUntouched() throws Exception {
        String boundary = "----cookie-relay-7MA4YWxkTrZu0gW";
        byte[] file = Bytes.binary(5000);
        ByteArrayOutputStream multipart = new ByteArrayOutputStream();
        multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nrésumé\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        multipart.write(file);
        multipart.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String contentType = "multipart/form-data; boundary=" + boundary;

        relay.send(relay.signedIn("/api/proxy/upload").header("Content-Type", contentType)
                .POST(BodyPublishers.ofByteArray(multipart.toByteArray())).build());

        RecordedRequest received = backend.takeRequest();
        assertThat(received.body()).isEqualTo(multipart.toByteArray());
        assertThat(received.header("Content-Type")).containsExactly(contentType);
    }

    @Test
    void formPostArrivesUnparsedAndUnchanged() throws Exception {
        String form = "tag=a&tag=b&empty=&space=%20+x&utf8=%C3%A9";

        relay.send(relay.signedIn("/api/proxy/form").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)).build());

        RecordedRequest received = backend.takeRequest();
        assertThat(new String(received.body(), StandardCharsets.US_ASCII)).isEqualTo(form);
        assertThat(received.header("Content-Type")).containsExactly("application/x-www-form-urlencoded");
    }

    @Test
    void jsonWithBigNumbersIsNeverReserialisedEitherWay() throws Exception {
        String json = "{\"id\":123456789012345678901234567890,\"ratio\":1.000000000000000000001,\"n\":1e400, \"s\" : \"\\u00e9\"}";
        backend.on("/base/json", (request, exchange) ->
                StubBackend.send(exchange, 201, "application/json", request.body()));

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/json")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)).build());

        assertThat(new String(backend.takeRequest().body(), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(json);
    }

    @Test
    void compressedUploadKeepsItsEncodingAndBytes() throws Exception {
        byte[] gzipped = gzip("{\"big\":\"" + "x".repeat(10_000) + "\"}");

        relay.send(relay.signedIn("/api/proxy/json").header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").POST(BodyPublishers.ofByteArray(gzipped)).build());

        RecordedRequest received = backend.takeRequest();
        assertThat(received.body()).isEqualTo(gzipped);
        assertThat(received.header("Content-Encoding")).containsExactly("gzip");
    }

    @Test
    void downloadsBinaryWithItsContentLength() throws Exception {
        byte[] file = Bytes.binary(3 << 20);
        backend.on("/base/download", (request, exchange) -> StubBackend.send(exchange, 200, "image/png", file));

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/download").GET().build());

        assertThat(response.body()).isEqualTo(file);
        assertThat(response.headers().allValues("Content-Type")).containsExactly("image/png");
        assertThat(response.headers().allValues("Content-Length")).containsExactly(String.valueOf(file.length));
    }

    @Test
    void gzipResponsePassesUndecoded() throws Exception {
        byte[] gzipped = gzip("hello ".repeat(1000));
        backend.on("/base/gz", (request, exchange) -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
            StubBackend.send(exchange, 200, "text/plain", gzipped);
        });

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/gz").header("Accept-Encoding", "gzip").GET().build());

        assertThat(response.body()).isEqualTo(gzipped);
        assertThat(response.headers().allValues("Content-Encoding")).containsExactly("gzip");
        assertThat(backend.takeRequest().header("Accept-Encoding")).containsExactly("gzip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/html; charset=utf-8", "application/pdf", "application/octet-stream"})
    void textAndDocumentResponsesArriveAsSent(String contentType) throws Exception {
        byte[] body = ("<p>plain, not JSON: null</p> \u00e9 " + contentType).getBytes(StandardCharsets.UTF_8);
        backend.on("/base/doc", (request, exchange) -> StubBackend.send(exchange, 200, contentType, body));

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/doc").GET().build());

        assertThat(response.body()).isEqualTo(body);
        // Byte-exact on Payara; WildFly's Undertow re-serialises parameters ("; charset" → ";charset"),
        // which RFC 9110 §8.3.1 makes equivalent and the Servlet API cannot prevent.
        assertThat(response.headers().allValues("Content-Type"))
                .singleElement().satisfies(sent -> assertThat(withoutParameterSpace(sent))
                        .isEqualTo(withoutParameterSpace(contentType)));
    }

    private static String withoutParameterSpace(String mediaType) {
        return mediaType.replaceAll(";\\s+", ";");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 422, 500, 503})
    void errorStatusesPassWithTheirBodiesVerbatim(int status) throws Exception {
        byte[] body = ("{\"detail\":\"backend says " + status + "\",\"trace\":[1,2]}").getBytes(StandardCharsets.UTF_8);
        backend.on("/base/fails", (request, exchange) -> StubBackend.send(exchange, status, "application/problem+json", body));

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/fails").GET().build());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().allValues("Content-Type")).containsExactly("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(ints = {204, 304})
    void noContentAndNotModifiedHaveNoBody(int status) throws Exception {
        backend.on("/base/empty", (request, exchange) -> {
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            StubBackend.send(exchange, status, "application/json", new byte[0]);
        });

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/empty")
                .header("If-None-Match", "\"v1\"").GET().build());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().allValues("ETag")).containsExactly("\"v1\"");
        assertThat(backend.takeRequest().header("If-None-Match")).containsExactly("\"v1\"");
    }

    @Test
    void headAnswersWithTheBackendsLengthAndNoBody() throws Exception {
        backend.on("/base/file", (request, exchange) -> {
            exchange.getResponseHeaders().set("Content-Length", "4096");
            exchange.getResponseHeaders().set("Content-Type", "application/pdf");
            exchange.sendResponseHeaders(200, -1);
        });

        HttpResponse<byte[]> response = relay.send(relay.signedIn("/api/proxy/file")
                .method("HEAD", BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Content-Length")).containsExactly("4096");
        assertThat(response.body()).isEmpty();
        assertThat(backend.takeRequest().method()).isEqualTo("HEAD");
    }

    @Test
    void uploadsOneGibibyteThroughAServerWithLessHeap() throws Exception {
        // The server runs with -Xmx512m: buffering this body anywhere in the relay would fail the upload.
        backend.onStreaming("/bulk/upload", RelayBodyIT::answerWithDigest);

        HttpResponse<String> response = relay.sendForString(relay.signedIn("/api/bulk/upload")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> Bytes.pattern(ONE_GIB)), ONE_GIB))
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Bytes.lengthAndSha256(Bytes.pattern(ONE_GIB)));
        assertThat(backend.takeRequest().header("Content-Length")).containsExactly(String.valueOf(ONE_GIB));
    }

    @Test
    void downloadsOneGibibyteThroughAServerWithLessHeap() throws Exception {
        backend.onStreaming("/bulk/download", (request, exchange) -> streamPattern(exchange, ONE_GIB));

        HttpResponse<InputStream> response = relay.http().send(relay.signedIn("/api/bulk/download").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Content-Length")).containsExactly(String.valueOf(ONE_GIB));
        try (InputStream body = response.body()) {
            assertThat(Bytes.lengthAndSha256(body)).isEqualTo(Bytes.lengthAndSha256(Bytes.pattern(ONE_GIB)));
        }
    }

    @Test
    void aBackendAnsweringBeforeItReadsTheUploadLeavesEveryOtherUploadIntact() throws Exception {
        // Half the backend answers first and only then discards the body, as nginx's "return" does; the
        // other half reads the whole body and answers with its digest. Any read of a finished request's
        // body would steal or break another upload's bytes: every answer must be the one its own request
        // deserves.
        backend.onStreaming("/base/early/", (request, exchange) -> {
            byte[] answer = request.rawTarget().getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.getResponseBody().flush();
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException relayStoppedSending) {
                // expected: the relay may close the connection once it has the whole answer
            }
        });
        backend.onStreaming("/base/digest/", RelayBodyIT::answerWithDigest);
        ExecutorService callers = Executors.newFixedThreadPool(24);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                int call = i;
                answers.add(callers.submit(() -> uploadAndDescribe(call)));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get(2, TimeUnit.MINUTES)).isEqualTo(expectedAnswer(i));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /** The backend reads the whole body as it streams in and answers {@code length:sha256} of it. */
    private static void answerWithDigest(RecordedRequest request, HttpExchange exchange) throws IOException {
        String digest;
        try (InputStream in = exchange.getRequestBody()) {
            digest = Bytes.lengthAndSha256(in);
        }
        StubBackend.send(exchange, 200, "text/plain", digest.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] uploadOf(int call) {
        return Bytes.binary(200_000 + call * 1_024);
    }

    private static String expectedAnswer(int call) {
        return call % 2 == 0
                ? "200 /base/early/" + call
                : "200 " + uploadOf(call).length + ":" + Bytes.sha256(uploadOf(call));
    }

    private String uploadAndDescribe(int call) throws IOException, InterruptedException {
        String path = (call % 2 == 0 ? "/api/proxy/early/" : "/api/proxy/digest/") + call;
        HttpResponse<String> response = relay.sendForString(relay.signedIn(path)
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(uploadOf(call))).build());
        return response.statusCode() + " " + response.body();
    }

    private static void streamPattern(HttpExchange exchange, long size) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, size);
        try (OutputStream out = exchange.getResponseBody(); InputStream in = Bytes.pattern(size)) {
            in.transferTo(out);
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
