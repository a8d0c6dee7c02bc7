package dev.cookierelay.demo;

import dev.cookierelay.proxy.ErrorResponse;
import dev.cookierelay.routing.RoutingSettings;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Demo-only stand-in for a real login: POST /demo/sign-in sets the default route's auth cookie to the
 * demo token, POST /demo/sign-out clears it. {@link DemoGate} makes both 404 when the demo is off.
 */
public class DemoSessionServlet extends HttpServlet {

    @Inject
    DemoSettings settings;

    @Inject
    RoutingSettings routing;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String cookieName = defaultRouteCookie();
        boolean signIn = request.getServletPath().endsWith("/sign-in");
        // Set-Cookie written by hand: the servlet Cookie API spells SameSite and Max-Age differently per server.
        response.addHeader("Set-Cookie", signIn ? DemoCookie.signIn(cookieName, settings.token()) : DemoCookie.signOut(cookieName));
        ErrorResponse.markRelayMade(response);
        response.setContentType("application/json");
        // The answer says what happened, never the token: the page must not be able to learn it.
        byte[] body = ("{\"signedIn\":" + signIn + ",\"cookie\":\"" + cookieName + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The cookie /api/proxy/** reads: the demo backend is the default route's target. */
    private String defaultRouteCookie() {
        return routing.table().route(RoutingSettings.DEFAULT_ROUTE).orElseThrow().cookieName();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // GET must never change state (RFC 9110 §9.2.1): a link or prefetch must not sign anyone in or out.
        response.setHeader("Allow", "POST");
        ErrorResponse.send(response, 405, "Method not allowed");
    }
}
