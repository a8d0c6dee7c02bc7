package dev.cookierelay.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends exact request bytes over a plain socket, so no HTTP client normalises, re-encodes or refuses
 * them, and reads the answer until the server closes the connection.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** One response as it came off the wire. */
    public record Response(String statusLine, int status, List<String> headerLines, byte[] body) {

        public List<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).trim()).toList();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String headText() {
            return statusLine + "\n" + String.join("\n", headerLines);
        }
    }

    /** Sends {@code request} in one write; {@code Connection: close} in it makes the read end. */
    public static Response exchange(String host, int port, byte[] request) throws IOException {
        return exchange(host, port, (out, in) -> out.write(request));
    }

    /** Lets the caller write the request in several steps (e.g. a large chunked body). */
    public static Response exchange(String host, int port, Writer writer) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                writer.write(out, socket.getInputStream());
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before the whole request was sent (413, 400): read it.
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    /** Writes request bytes to the socket; {@code in} tells whether the server already answered. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out, InputStream in) throws IOException;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // a reset after the answer still leaves the answer readable
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Response("", -1, List.of(), raw); // connection closed without an answer
        }
        String[] lines = text.substring(0, end).split("\r\n");
        List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        return new Response(lines[0], status, headers, body);
    }
}
