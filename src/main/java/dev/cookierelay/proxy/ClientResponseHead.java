package dev.cookierelay.proxy;

import dev.cookierelay.routing.Route;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

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

    void copyFrom(HttpResponse backendResponse, Route route, String relayPathPrefix) {
        for (String name : clientResponse.getHeaderNames()) {
            relayHeaders.putIfAbsent(name, List.copyOf(clientResponse.getHeaders(name)));
        }
        int status = backendResponse.getCode();
        clientResponse.setStatus(status);
        for (Map.Entry<String, String> header : ResponseHeaderPolicy.clientHeaders(
                byName(backendResponse), route, relayPathPrefix)) {
            clientResponse.addHeader(header.getKey(), header.getValue());
        }
        // 204 and 304 have no body, so a Content-Length would make the container expect one (RFC 9110 §8.6).
        Header length = backendResponse.getFirstHeader("Content-Length");
        if (status != 204 && status != 304 && status >= 200 && length != null) {
            try {
                clientResponse.setContentLengthLong(Long.parseLong(length.getValue().trim()));
            } catch (NumberFormatException e) {
                // HttpCore framed the body by a length it could read; anything else goes out chunked.
            }
        }
    }

    /** Header lines grouped by name (case-insensitively), names and lines in the order the backend sent them. */
    private static Map<String, List<String>> byName(HttpResponse backendResponse) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        Map<String, String> firstSpelling = new LinkedHashMap<>();
        for (Header header : backendResponse.getHeaders()) {
            String name = firstSpelling.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), lower -> header.getName());
            grouped.computeIfAbsent(name, n -> new ArrayList<>()).add(header.getValue());
        }
        return grouped;
    }

    /** Drops everything copied from the backend; the relay's own headers stay. Only before the commit. */
    void discardBackendPart() {
        clientResponse.reset();
        relayHeaders.forEach((name, values) -> values.forEach(value -> clientResponse.addHeader(name, value)));
    }
}
