package dev.cookierelay.security;

import dev.cookierelay.proxy.ErrorResponse;
import dev.cookierelay.proxy.RelayRejection;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In front of every relay route (mapped in web.xml, after rate limiting): refuses ambiguous framing and
 * cross-site calls, answers CORS preflights, and grants CORS to trusted origins. It reads headers only,
 * never the body, so the relay still streams it byte for byte. Async-capable, as the relay servlet is.
 */
public class BrowserSecurityFilter extends HttpFilter {

    @Inject
    SecuritySettings settings;

    private CrossOriginPolicy crossOrigin;
    private CorsPolicy cors;

    @Override
    public void init() {
        crossOrigin = new CrossOriginPolicy(settings);
        cors = new CorsPolicy(settings);
    }

    @Override
    protected void doFilter(HttpServletRequest clientRequest, HttpServletResponse clientResponse, FilterChain chain)
            throws IOException, ServletException {
        Optional<RelayRejection> framing = RequestFramingPolicy.rejection(lines(clientRequest, "Host"),
                lines(clientRequest, "Transfer-Encoding"), lines(clientRequest, "Content-Length"));
        if (framing.isPresent()) {
            clientResponse.setHeader("Connection", "close"); // the rest of the connection cannot be trusted
            ErrorResponse.send(clientResponse, framing.get().status(), framing.get().getMessage());
            return;
        }
        String origin = clientRequest.getHeader("Origin");
        String method = clientRequest.getMethod();
        if (CorsPolicy.isPreflight(method, origin, clientRequest.getHeader("Access-Control-Request-Method"))) {
            answerPreflight(clientRequest, clientResponse, origin);
            return;
        }
        add(clientResponse, cors.responseHeaders(origin));
        String ownOrigin = Origins.ofRequest(clientRequest.getScheme(), clientRequest.getHeader("Host")).orElse(null);
        Optional<String> refused = crossOrigin.rejection(method, ownOrigin, clientRequest::getHeader);
        if (refused.isPresent()) {
            ErrorResponse.send(clientResponse, 403, refused.get());
            return;
        }
        chain.doFilter(clientRequest, clientResponse);
    }

    private void answerPreflight(HttpServletRequest clientRequest, HttpServletResponse clientResponse, String origin)
            throws IOException {
        Optional<List<Map.Entry<String, String>>> granted = cors.preflight(origin,
                clientRequest.getHeader("Access-Control-Request-Method"),
                clientRequest.getHeader("Access-Control-Request-Headers"));
        if (granted.isEmpty()) {
            add(clientResponse, cors.responseHeaders(null)); // Vary only: no Access-Control-Allow-*
            ErrorResponse.send(clientResponse, 403, "Cross-origin request refused");
            return;
        }
        add(clientResponse, granted.get());
        ErrorResponse.markRelayMade(clientResponse);
        clientResponse.setStatus(204);
    }

    private static void add(HttpServletResponse clientResponse, List<Map.Entry<String, String>> headers) {
        headers.forEach(header -> clientResponse.addHeader(header.getKey(), header.getValue()));
    }

    private static List<String> lines(HttpServletRequest clientRequest, String name) {
        return Collections.list(clientRequest.getHeaders(name));
    }
}
