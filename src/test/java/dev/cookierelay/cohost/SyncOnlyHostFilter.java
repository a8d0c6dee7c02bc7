package dev.cookierelay.cohost;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A host filter as many applications have one: every path (/*), and not async-supported (the default). */
@WebFilter(urlPatterns = "/*")
public class SyncOnlyHostFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Host-Filter", "saw " + request.getRequestURI());
        chain.doFilter(request, response);
    }
}
