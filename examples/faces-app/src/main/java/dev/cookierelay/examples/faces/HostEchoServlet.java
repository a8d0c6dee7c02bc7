package dev.cookierelay.examples.faces;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One of the application's own servlets, outside the relay's mount: it answers every method itself, so a
 * test can see that the relay's rate limits, CSRF and CORS rules do not reach it.
 */
@WebServlet(name = "host-echo", urlPatterns = "/host/echo")
public class HostEchoServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = ("host echo: " + request.getMethod()).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
