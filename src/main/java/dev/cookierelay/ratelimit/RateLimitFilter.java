package dev.cookierelay.ratelimit;

import dev.cookierelay.proxy.ErrorResponse;
import dev.cookierelay.proxy.ProxySettings;
import dev.cookierelay.ratelimit.address.ClientAddressResolver;
import dev.cookierelay.ratelimit.store.LocalBucketStore;
import dev.cookierelay.routing.RouteMatch;
import dev.cookierelay.routing.RoutingSettings;
import dev.cookierelay.security.AuthCookie;
import io.github.bucket4j.TimeMeter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Collections;
import java.util.Optional;

/**
 * In front of every relay route ({@code /api/*}, mapped first in web.xml, async-supported like the relay
 * servlet): answers 429 before the backend is contacted, and labels every response it lets through with
 * the RateLimit fields. It reads only the request line and headers: never the body, never
 * {@code getParameter()}, which would consume a form POST that must reach the backend byte for byte.
 */
public class RateLimitFilter extends HttpFilter {

    private static final int TOO_MANY_REQUESTS = 429; // RFC 6585 §4

    @Inject
    RateLimitSettings settings;

    @Inject
    RoutingSettings routing;

    @Inject
    ProxySettings proxy;

    private RateLimiter limiter;
    private StreamGate streams;
    private ClientAddressResolver addresses;

    @Override
    public void init() {
        addresses = new ClientAddressResolver(settings.trustedProxies());
        // Eviction runs on the calling thread (Runnable::run): no unmanaged threads inside the server.
        limiter = new RateLimiter(settings, new LocalBucketStore(settings.maxKeys(), settings.longestPeriod(),
                TimeMeter.SYSTEM_NANOTIME, Runnable::run));
        streams = new StreamGate(settings.maxStreamsPerCaller());
    }

    @Override
    protected void doFilter(HttpServletRequest clientRequest, HttpServletResponse clientResponse, FilterChain chain)
            throws IOException, ServletException {
        InetAddress client = addresses.resolve(clientRequest.getRemoteAddr(),
                Collections.list(clientRequest.getHeaders("X-Forwarded-For"))).orElse(null);
        clientRequest.setAttribute(ClientAddressResolver.REQUEST_ATTRIBUTE, client);
        if (!settings.enabled()) {
            chain.doFilter(clientRequest, clientResponse);
            return;
        }
        Optional<RouteMatch> match = routing.table()
                .match(clientRequest.getRequestURI().substring(clientRequest.getContextPath().length()));
        String routeName = match.map(m -> m.route().name()).orElse(null);
        String callerKey = match.flatMap(m -> AuthCookie.token(Collections.list(clientRequest.getHeaders("Cookie")),
                        m.route().cookieName(), proxy.maxCookieLength()))
                .map(token -> CallerKeys.caller(routeName, token)).orElse(null);

        Verdict verdict = limiter.tryConsume(routeName, callerKey, client);
        if (!verdict.allowed()) {
            refuse(clientResponse, verdict);
            return;
        }
        boolean stream = callerKey != null && streams.enabled() && StreamSlot.wantsEventStream(clientRequest);
        if (stream && !streams.tryOpen(callerKey)) {
            refuse(clientResponse, streams.refused());
            return;
        }
        label(clientResponse, verdict);
        if (stream) {
            StreamSlot slot = new StreamSlot(clientRequest, () -> streams.close(callerKey));
            try {
                chain.doFilter(slot, clientResponse);
            } finally {
                slot.releaseUnlessAsync();
            }
        } else {
            chain.doFilter(clientRequest, clientResponse);
        }
    }

    private static void refuse(HttpServletResponse clientResponse, Verdict verdict) throws IOException {
        label(clientResponse, verdict);
        clientResponse.setHeader("Retry-After", Long.toString(Math.max(1, verdict.retryAfterSeconds())));
        ErrorResponse.send(clientResponse, TOO_MANY_REQUESTS, "Too many requests");
    }

    /** Set before the relay copies the backend's headers, so they are on relayed responses too. */
    private static void label(HttpServletResponse clientResponse, Verdict verdict) {
        if (!verdict.policies().isEmpty()) {
            clientResponse.setHeader("RateLimit-Policy", verdict.rateLimitPolicyField());
            clientResponse.setHeader("RateLimit", verdict.rateLimitField());
        }
    }
}
