package dev.cookierelay.security;

import dev.cookierelay.security.SecuritySettings.CsrfMode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides whether a request may be a cross-site forgery, as Go 1.25's {@code CrossOriginProtection}
 * does: browsers attest the initiator in {@code Sec-Fetch-Site} (Fetch Metadata), older ones at least
 * send {@code Origin}; a request with neither is not from a browser page, so it cannot ride on the
 * user's cookie against their will and passes.
 */
public final class CrossOriginPolicy {

    // RFC 9110 §9.2.1: safe methods must have no side effects, so a forged one harms no one.
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SecuritySettings settings;

    public CrossOriginPolicy(SecuritySettings settings) {
        this.settings = settings;
    }

    /**
     * @param ownOrigin the origin the client addressed (see {@link Origins#ofRequest}), null if unknown
     * @param header    the request's header by name (first value), null when absent
     * @return why the request is refused (a safe client message), empty when it may pass
     */
    public Optional<String> rejection(String method, String ownOrigin, Function<String, String> header) {
        if (settings.csrfMode() == CsrfMode.OFF) {
            return Optional.empty();
        }
        boolean strict = settings.csrfMode() == CsrfMode.STRICT;
        boolean checked = strict || settings.csrfAllMethods() || !SAFE_METHODS.contains(method);
        if (checked && isCrossOrigin(ownOrigin, header)) {
            return Optional.of("Cross-origin request refused");
        }
        if (strict && !settings.csrfHeaderValue().equals(header.apply(settings.csrfHeaderName()))
                && !isBrowserEventSource(method, header)) {
            return Optional.of("Missing " + settings.csrfHeaderName() + " header");
        }
        return Optional.empty();
    }

    private boolean isCrossOrigin(String ownOrigin, Function<String, String> header) {
        String site = header.apply("Sec-Fetch-Site");
        if (site != null) {
            // "none": the user navigated (address bar, bookmark): no other page initiated it.
            String initiator = site.trim().toLowerCase(Locale.ROOT);
            return !initiator.equals("same-origin") && !initiator.equals("none") && !isTrusted(header);
        }
        String origin = header.apply("Origin");
        if (origin == null) {
            return false;
        }
        Optional<String> normalised = Origins.parse(origin);
        // "null" (sandboxed frames, file:) and malformed values never match.
        return normalised.isEmpty()
                || !(normalised.get().equals(ownOrigin) || settings.trustedOrigins().contains(normalised.get()));
    }

    /**
     * EventSource cannot send custom headers; a GET for an event stream whose initiator the browser
     * itself attests as this origin (or a trusted one) is as good a proof as the header.
     */
    private boolean isBrowserEventSource(String method, Function<String, String> header) {
        String accept = header.apply("Accept");
        String site = header.apply("Sec-Fetch-Site");
        return method.equals("GET") && accept != null && accept.toLowerCase(Locale.ROOT).contains("text/event-stream")
                && site != null && (site.trim().equalsIgnoreCase("same-origin") || isTrusted(header));
    }

    private boolean isTrusted(Function<String, String> header) {
        return Origins.parse(header.apply("Origin")).filter(settings.trustedOrigins()::contains).isPresent();
    }
}
