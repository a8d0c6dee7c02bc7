package dev.cookierelay.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** {@code GET /files/report.png} sends a binary file; {@code POST /upload} reports the size and SHA-256 it received. */
public final class DemoFiles {

    static final String REPORT_RESOURCE = "/demo/report.png";

    private DemoFiles() {
    }

    /** The file's bytes, from the test classpath (src/test/resources/demo/report.png). */
    public static byte[] report() {
        try (InputStream in = DemoFiles.class.getResourceAsStream(REPORT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + REPORT_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void download(HttpExchange exchange) throws IOException {
        DemoBackend.drain(exchange.getRequestBody());
        byte[] file = report();
        exchange.getResponseHeaders().set("Content-Type", "image/png");
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"report.png\"");
        // RFC 9530 Repr-Digest: the page compares the SHA-256 it computes itself with this one.
        exchange.getResponseHeaders().set("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256().digest(file)) + ":");
        exchange.sendResponseHeaders(200, file.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(file);
        }
    }

    /** Hashes the body as it streams in: a 1 GiB upload needs no more memory than a small one. */
    static void upload(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            DemoJson.send(exchange, 405, "{\"error\":\"POST the file as the request body\"}");
            return;
        }
        MessageDigest digest = sha256();
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = exchange.getRequestBody()) {
            for (int read; (read = in.read(buffer)) != -1; ) {
                digest.update(buffer, 0, read);
                bytes += read;
            }
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        DemoJson.send(exchange, 200, "{\"bytes\":" + bytes + ",\"sha256\":\"" + HexFormat.of().formatHex(digest.digest())
                + "\",\"contentType\":" + DemoJson.string(contentType) + "}");
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
