package dev.cookierelay.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /demo} without the slash. Mapped exactly so that {@link DemoGate} sees it: the container's own
 * directory redirect to /demo/ would happen before any filter and tell a real deployment's visitors
 * that a demo directory exists.
 */
public class DemoEntryServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/demo/");
    }
}
