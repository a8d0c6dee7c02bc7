package dev.cookierelay.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The backend the demo relays to: JDK only, on 127.0.0.1, and it answers only requests that carry
 * {@code Authorization: Bearer <token>}, as a real API behind cookie-relay would. Run it with
 * {@code java -cp target/test-classes dev.cookierelay.demo.DemoBackend [port] [token]}.
 */
public final class DemoBackend implements AutoCloseable {

    public static final String DEFAULT_TOKEN = "demo-token-not-a-secret";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final byte[] expectedAuthorization;
    private final DemoTasks tasks = new DemoTasks();

    private DemoBackend(HttpServer server, String token) {
        this.server = server;
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        String token = args.length > 1 ? args[1] : DEFAULT_TOKEN;
        DemoBackend backend = start(port, token);
        Runtime.getRuntime().addShutdownHook(new Thread(backend::close));
        System.out.println("demo backend listening on http://127.0.0.1:" + backend.port());
    }

    public static DemoBackend start(int port, String token) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        DemoBackend backend = new DemoBackend(server, token);
        server.createContext("/", backend::handle);
        server.setExecutor(backend.threads);
        server.start();
        return backend;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!carriesToken(exchange)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                DemoJson.send(exchange, 401, "{\"error\":\"the demo backend needs Authorization: Bearer <demo token>\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/tasks" -> tasks.handle(exchange);
                case "/ticks" -> DemoTicks.stream(exchange);
                case "/files/report.png" -> DemoFiles.download(exchange);
                case "/upload" -> DemoFiles.upload(exchange);
                case "/echo" -> DemoEcho.echo(exchange);
                default -> DemoJson.send(exchange, 404, "{\"error\":\"no such demo endpoint: " + DemoJson.escape(method + " " + path) + "\"}");
            }
        }
    }

    /** Exactly one Authorization header with the demo token (compared in constant time, as real checks do). */
    private boolean carriesToken(HttpExchange exchange) {
        List<String> authorization = exchange.getRequestHeaders().get("Authorization");
        return authorization != null && authorization.size() == 1
                && MessageDigest.isEqual(authorization.get(0).getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }

    /** Reads and discards a request body the endpoint has no use for, so the connection can be reused. */
    static long drain(InputStream body) throws IOException {
        long total = 0;
        byte[] buffer = new byte[8192];
        for (int read; (read = body.read(buffer)) != -1; ) {
            total += read;
        }
        return total;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
