package dev.cookierelay.proxy;

import dev.cookierelay.routing.RouteMatch;
import dev.cookierelay.routing.RoutingSettings;
import dev.cookierelay.security.AuthCookie;
import dev.cookierelay.security.RequestTargetPolicy;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hc.core5.http.HttpRequest;

/**
 * {@code <mount>/<route>/**} ({@code /api/proxy/**} by default): checks the request, then hands it to a {@link BackendExchange} on an async
 * context, so no request thread waits for the backend or for a streamed body.
 */
// Registered by RelayRegistrar at the configured mount, not by annotation: the mount is a setting.
public class RelayServlet extends HttpServlet {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    @Inject
    RoutingSettings routing;

    @Inject
    ProxySettings settings;

    @Inject
    BackendClients backends;

    @Override
    protected void service(HttpServletRequest clientRequest, HttpServletResponse clientResponse) throws IOException {
        try {
            relay(clientRequest, clientResponse);
        } catch (RelayRejection rejection) {
            if (rejection.status() == 405) {
                clientResponse.setHeader("Allow", ALLOW);
            }
            ErrorResponse.send(clientResponse, rejection.status(), rejection.getMessage());
        }
    }

    private void relay(HttpServletRequest clientRequest, HttpServletResponse clientResponse) throws IOException {
        String contextPath = clientRequest.getContextPath();
        RouteMatch match = routing.table().match(clientRequest.getRequestURI().substring(contextPath.length()))
                .orElseThrow(() -> new RelayRejection(404, "No such route"));
        if (!METHODS.contains(clientRequest.getMethod())) {
            throw new RelayRejection(405, "Method not allowed");
        }
        String token = AuthCookie.token(headerLines(clientRequest, "Cookie"), match.route().cookieName(),
                        settings.maxCookieLength())
                .orElseThrow(() -> new RelayRejection(401, "Not authenticated"));
        URI target = targetUri(match, clientRequest);
        long declaredLength = clientRequest.getContentLengthLong();
        if (declaredLength > match.route().maxRequestBytes()) {
            throw new RelayRejection(413, "Request body too large");
        }

        AsyncContext async = AsyncHandoff.begin(clientRequest, clientResponse);
        BackendExchange exchange = new BackendExchange(async, clientResponse, match.route(),
                contextPath + routing.table().prefixOf(match.route()), settings, backends.timers());
        boolean hasBody = declaredLength > 0 || clientRequest.getHeader("Transfer-Encoding") != null;
        HttpRequest backendRequest;
        try {
            backendRequest = BackendRequests.build(clientRequest, target, token);
        } catch (RelayRejection rejection) {
            ErrorResponse.send(clientResponse, rejection.status(), rejection.getMessage());
            async.complete();
            return;
        }
        ServletBodyPublisher upload = hasBody
                ? new ServletBodyPublisher(clientRequest.getInputStream(), match.route().maxRequestBytes(),
                        backends.uploadReaders(), exchange::requestBodySent)
                : null;
        exchange.start(backends.requester(), BackendRequests.host(target), backendRequest, upload, declaredLength);
    }

    /** The route's own scheme and authority, always: nothing in the request can name another host. */
    private static URI targetUri(RouteMatch match, HttpServletRequest clientRequest) {
        URI base = match.route().target();
        try {
            return new URI(base.getScheme() + "://" + base.getRawAuthority() + targetPath(match) + query(clientRequest));
        } catch (URISyntaxException e) {
            throw new RelayRejection(400, "Malformed request target");
        }
    }

    private static String targetPath(RouteMatch match) {
        String path = match.route().basePath() + RequestTargetPolicy.safePath(match.rawPath());
        return path.isEmpty() ? "/" : path;
    }

    private static String query(HttpServletRequest clientRequest) {
        String query = RequestTargetPolicy.safeQuery(clientRequest.getQueryString());
        return query == null ? "" : "?" + query;
    }

    static List<String> headerLines(HttpServletRequest request, String name) {
        return Collections.list(request.getHeaders(name));
    }

    static List<Map.Entry<String, String>> allHeaderLines(HttpServletRequest request) {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : headerLines(request, name)) {
                lines.add(Map.entry(name, value));
            }
        }
        return lines;
    }
}
