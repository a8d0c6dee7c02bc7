package dev.cookierelay.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@code GET /ticks}: a server-sent event every second, each flushed on its own so it shows at once. */
final class DemoTicks {

    private static final long INTERVAL_MILLIS = 1000;
    // Bounded: an open tab streams for at most an hour, then the browser's EventSource reconnects.
    private static final int MAX_TICKS = 3600;

    private DemoTicks() {
    }

    static void stream(HttpExchange exchange) throws IOException {
        DemoBackend.drain(exchange.getRequestBody());
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0); // 0 = chunked: the length is unknown, events go out as written
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("retry: 3000\n\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int n = 1; n <= MAX_TICKS; n++) {
                String event = "id: " + n + "\nevent: tick\ndata: {\"n\":" + n + ",\"at\":\""
                        + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\"}\n\n";
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush(); // a write that fails here means the browser (and so the relay) went away
                Thread.sleep(INTERVAL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the backend is stopping
        } catch (IOException clientGone) {
            // the page closed its EventSource or was closed: nothing left to send to
        }
    }
}
