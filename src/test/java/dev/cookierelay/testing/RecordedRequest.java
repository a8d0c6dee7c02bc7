package dev.cookierelay.testing;

import java.util.List;
import java.util.Map;

/**
 * What the stub backend received.
 *
 * @param rawTarget the request target exactly as it appeared on the request line
 * @param headers   header lines in arrival order, names lower-cased
 */
public record RecordedRequest(String method, String rawTarget, List<Map.Entry<String, String>> headers, byte[] body) {

    public List<String> header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }
}
