package dev.cookierelay.demo;

import dev.cookierelay.proxy.ErrorResponse;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Hides everything under /demo (the static page and the sign-in/sign-out servlet) unless the demo is on:
 * a real deployment must have no way to obtain a cookie without real sign-in. Kept off /api/* on purpose.
 */
public class DemoGate extends HttpFilter {

    // The demo page loads only its own files and calls only its own origin.
    private static final String CSP = "default-src 'self'; img-src 'self' blob:; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Inject
    DemoSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!settings.enabled()) {
            ErrorResponse.send(response, 404, "Not found");
            return;
        }
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
