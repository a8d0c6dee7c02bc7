package dev.cookierelay.proxy;

import dev.cookierelay.ratelimit.address.ClientAddressResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.util.Map;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.message.BasicHttpRequest;

/** Builds the backend request from the client's: same method, the raw target, filtered headers. */
final class BackendRequests {

    private BackendRequests() {
    }

    static HttpHost host(URI target) {
        return new HttpHost(target.getScheme(), target.getHost(), target.getPort());
    }

    static HttpRequest build(HttpServletRequest clientRequest, URI target, String token) {
        String rawQuery = target.getRawQuery();
        // The path and query go out exactly as they are in the URI, with no decoding or re-encoding.
        BasicHttpRequest backendRequest = new BasicHttpRequest(clientRequest.getMethod(), host(target),
                target.getRawPath() + (rawQuery == null ? "" : "?" + rawQuery));
        RequestHeaderPolicy.ForwardedFor forwarded = new RequestHeaderPolicy.ForwardedFor(
                clientAddress(clientRequest), clientRequest.getScheme(), clientRequest.getHeader("Host"));
        for (Map.Entry<String, String> header : RequestHeaderPolicy.backendHeaders(
                RelayServlet.allHeaderLines(clientRequest), token, forwarded)) {
            if (!HeaderSyntax.isFieldName(header.getKey()) || !HeaderSyntax.isFieldValue(header.getValue())) {
                // Not legal HTTP (RFC 9110 §5.5): relaying it would let the client split or smuggle requests.
                throw new RelayRejection(400, "Invalid request header");
            }
            backendRequest.addHeader(header.getKey(), header.getValue());
        }
        return backendRequest;
    }

    /**
     * The client as the rate limiter resolved it (X-Forwarded-For believed from trusted proxies only),
     * else the socket peer: the backend is told the same address that the limits were counted against.
     */
    private static String clientAddress(HttpServletRequest clientRequest) {
        Object resolved = clientRequest.getAttribute(ClientAddressResolver.REQUEST_ATTRIBUTE);
        return resolved instanceof InetAddress address ? address.getHostAddress() : clientRequest.getRemoteAddr();
    }
}
