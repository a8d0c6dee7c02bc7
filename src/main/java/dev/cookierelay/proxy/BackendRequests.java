package dev.cookierelay.proxy;

import dev.cookierelay.ratelimit.address.ClientAddressResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.Flow;

/** Builds the backend request from the client's: same method, filtered headers, the body as a stream. */
final class BackendRequests {

    private BackendRequests() {
    }

    /** @param body the client's body as it arrives, or null when the request has none */
    static HttpRequest build(HttpServletRequest clientRequest, URI target, String token, Flow.Publisher<ByteBuffer> body) {
        HttpRequest.Builder backendRequest = HttpRequest.newBuilder(target)
                .method(clientRequest.getMethod(), bodyPublisher(clientRequest, body));
        RequestHeaderPolicy.ForwardedFor forwarded = new RequestHeaderPolicy.ForwardedFor(
                clientAddress(clientRequest), clientRequest.getScheme(), clientRequest.getHeader("Host"));
        for (Map.Entry<String, String> header : RequestHeaderPolicy.backendHeaders(
                RelayServlet.allHeaderLines(clientRequest), token, forwarded)) {
            try {
                backendRequest.header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                // The HTTP client refuses names or values that are not legal HTTP (RFC 9110 §5.5).
                throw new RelayRejection(400, "Invalid request header");
            }
        }
        return backendRequest.build();
    }

    /**
     * The client as the rate limiter resolved it (X-Forwarded-For believed from trusted proxies only),
     * else the socket peer: the backend is told the same address that the limits were counted against.
     */
    private static String clientAddress(HttpServletRequest clientRequest) {
        Object resolved = clientRequest.getAttribute(ClientAddressResolver.REQUEST_ATTRIBUTE);
        return resolved instanceof InetAddress address ? address.getHostAddress() : clientRequest.getRemoteAddr();
    }

    private static HttpRequest.BodyPublisher bodyPublisher(HttpServletRequest clientRequest, Flow.Publisher<ByteBuffer> body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        long declaredLength = clientRequest.getContentLengthLong();
        // A known length is kept (Content-Length); an unknown one goes chunked, as the client sent it.
        return declaredLength >= 0
                ? HttpRequest.BodyPublishers.fromPublisher(body, declaredLength)
                : HttpRequest.BodyPublishers.fromPublisher(body);
    }
}
