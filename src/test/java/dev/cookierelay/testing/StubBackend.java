package dev.cookierelay.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real backend on 127.0.0.1 that records every request it receives and answers with whatever a test
 * registered for the request's path prefix (by default {@code 200 {"ok":true}}).
 */
public final class StubBackend implements AutoCloseable {

    /** A test's answer to one request; the request body has already been read into {@code request}. */
    @FunctionalInterface
    public interface Responder {
        void respond(RecordedRequest request, HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<RecordedRequest> received = new LinkedBlockingQueue<>();
    private final Map<String, Responder> responders = new ConcurrentHashMap<>();
    private final Map<String, Responder> streamingResponders = new ConcurrentHashMap<>();

    private StubBackend(HttpServer server) {
        this.server = server;
    }

    public static StubBackend start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        StubBackend backend = new StubBackend(server);
        server.createContext("/", backend::handle);
        server.setExecutor(backend.threads);
        server.start();
        return backend;
    }

    /** The port it listens on (useful after {@code start(0)}). */
    public int port() {
        return server.getAddress().getPort();
    }

    public StubBackend on(String pathPrefix, Responder responder) {
        responders.put(pathPrefix, responder);
        return this;
    }

    /**
     * For bodies too large to record: the responder reads the request body itself from the exchange, and
     * the recorded request carries an empty body.
     */
    public StubBackend onStreaming(String pathPrefix, Responder responder) {
        streamingResponders.put(pathPrefix, responder);
        return this;
    }

    /** The next request the backend received, waiting up to five seconds for it. */
    public RecordedRequest takeRequest() throws InterruptedException {
        RecordedRequest request = received.poll(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the backend received no request");
        }
        return request;
    }

    /** Requests received and not yet taken, after giving stragglers {@code grace} to arrive. */
    public List<RecordedRequest> drainRequests(Duration grace) throws InterruptedException {
        Thread.sleep(grace.toMillis());
        List<RecordedRequest> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            Responder streaming = longestPrefix(streamingResponders, rawPath);
            byte[] body = new byte[0];
            if (streaming == null) {
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
            }
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    values.forEach(value -> headers.add(Map.entry(name.toLowerCase(), value))));
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(), headers, body);
            received.add(request);
            Responder responder = streaming != null ? streaming : longestPrefix(responders, rawPath);
            if (responder == null) {
                okJson(request, exchange);
            } else {
                responder.respond(request, exchange);
            }
        }
    }

    private static Responder longestPrefix(Map<String, Responder> byPrefix, String rawPath) {
        return byPrefix.entrySet().stream()
                .filter(entry -> rawPath.startsWith(entry.getKey()))
                .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                .map(Map.Entry::getValue)
                .orElse(null);
    }

    public static void okJson(RecordedRequest request, HttpExchange exchange) throws IOException {
        send(exchange, 200, "application/json", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean noBody = status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
