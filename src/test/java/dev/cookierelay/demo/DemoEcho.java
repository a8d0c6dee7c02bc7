package dev.cookierelay.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code /echo}: reports the request as the backend saw it, so the page can show the Authorization the relay added. */
final class DemoEcho {

    private DemoEcho() {
    }

    static void echo(HttpExchange exchange) throws IOException {
        long bodyBytes = DemoBackend.drain(exchange.getRequestBody());
        List<String> headers = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(value ->
                headers.add("[" + DemoJson.string(name) + "," + DemoJson.string(value) + "]")));
        // Only a demo echoes the bearer token back: a real backend never does, or the page could read it.
        DemoJson.send(exchange, 200, "{\"method\":" + DemoJson.string(exchange.getRequestMethod())
                + ",\"target\":" + DemoJson.string(exchange.getRequestURI().toString())
                + ",\"headers\":[" + String.join(",", headers) + "]"
                + ",\"bodyBytes\":" + bodyBytes + "}");
    }
}
