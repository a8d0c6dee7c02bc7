package dev.cookierelay.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which client request headers reach the backend, and the ones the relay adds itself. */
public final class RequestHeaderPolicy {

    // Never forwarded from the client, each for its reason:
    private static final Set<String> DROPPED = Set.of(
            "host",             // the backend's own authority is set by the HTTP client
            "cookie",           // the token travels once, in Authorization; other cookies belong to this origin
            "authorization",    // replaced by the relay's own Bearer token
            "content-length",   // framing is the HTTP client's, from the body publisher's known length
            "expect",           // 100-continue is answered by the servlet container, not the backend
            "forwarded");       // client-sent forwarding claims are not believed (RFC 7239 §8)

    private RequestHeaderPolicy() {
    }

    /**
     * @param clientHeaders header lines in arrival order, names as the container gives them
     * @return name/value pairs for the backend: end-to-end headers, then Authorization and X-Forwarded-*
     */
    public static List<Map.Entry<String, String>> backendHeaders(
            List<Map.Entry<String, String>> clientHeaders, String token, ForwardedFor forwarded) {
        List<String> connection = clientHeaders.stream()
                .filter(h -> h.getKey().equalsIgnoreCase("connection")).map(Map.Entry::getValue).toList();
        Set<String> hopByHop = HopByHop.namesFor(connection);
        List<Map.Entry<String, String>> backend = new ArrayList<>(clientHeaders.size() + 4);
        for (Map.Entry<String, String> header : clientHeaders) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!hopByHop.contains(name) && !DROPPED.contains(name) && !name.startsWith("x-forwarded-")) {
                backend.add(Map.entry(HopByHop.canonical(name), header.getValue()));
            }
        }
        // Added after filtering, so no header named in Connection can remove them.
        backend.add(Map.entry("Authorization", "Bearer " + token));
        backend.add(Map.entry("X-Forwarded-For", forwarded.forAddress()));
        backend.add(Map.entry("X-Forwarded-Proto", forwarded.proto()));
        if (forwarded.host() != null) {
            backend.add(Map.entry("X-Forwarded-Host", forwarded.host()));
        }
        return backend;
    }

    /** What the relay tells the backend about the original request. */
    public record ForwardedFor(String forAddress, String proto, String host) {
    }
}
