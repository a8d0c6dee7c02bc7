package dev.cookierelay.proxy;

import dev.cookierelay.routing.Route;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client response's status and headers, taken from the backend's; remembers the headers the
 * filters had already set (RateLimit fields, CORS) so a relay-made error can keep them.
 */
final class ClientResponseHead {

    private final HttpServletResponse clientResponse;
    private final Map<String, List<String>> relayHeaders = new LinkedHashMap<>();

    ClientResponseHead(HttpServletResponse clientResponse) {
        this.clientResponse = clientResponse;
    }

    void copyFrom(HttpResponse.ResponseInfo backendResponse, Route route, String relayPathPrefix) {
        for (String name : clientResponse.getHeaderNames()) {
            relayHeaders.putIfAbsent(name, List.copyOf(clientResponse.getHeaders(name)));
        }
        int status = backendResponse.statusCode();
        clientResponse.setStatus(status);
        for (Map.Entry<String, String> header : ResponseHeaderPolicy.clientHeaders(
                backendResponse.headers().map(), route, relayPathPrefix)) {
            clientResponse.addHeader(header.getKey(), header.getValue());
        }
        // 204 and 304 have no body, so a Content-Length would make the container expect one (RFC 9110 §8.6).
        if (status != 204 && status != 304 && status >= 200) {
            backendResponse.headers().firstValueAsLong("content-length").ifPresent(clientResponse::setContentLengthLong);
        }
    }

    /** Drops everything copied from the backend; the relay's own headers stay. Only before the commit. */
    void discardBackendPart() {
        clientResponse.reset();
        relayHeaders.forEach((name, values) -> values.forEach(value -> clientResponse.addHeader(name, value)));
    }
}
