import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.http.HttpRequest;
import org.mitre.dsmiley.httpproxy.ProxyServlet;

/**
 * Java peer: mitre's HTTP-Proxy-Servlet 2.0 (blocking Apache HttpClient 4, one request thread per call) doing
 * the relay's job, as a team gets it by dropping the servlet in: cookie -> Bearer and nothing else changed, the
 * library's defaults otherwise (so also its X-Forwarded-For/-Proto, and HttpClient's system-property pool of
 * 5 connections per route, 10 in all, when http.maxConnections is unset).
 */
public class MitreBearerProxy extends ProxyServlet {

    /**
     * The per-header hook: mitre copies Cookie by default (it keeps only the cookies it set itself, named
     * "!Proxy!servlet...", so ours would reach the backend as an empty Cookie header). Like the relay, the
     * backend gets no Cookie, and the client's own Authorization is replaced, not doubled.
     */
    @Override
    protected void copyRequestHeader(HttpServletRequest servletRequest, HttpRequest proxyRequest, String headerName) {
        if (headerName.equalsIgnoreCase("Cookie") || headerName.equalsIgnoreCase("Authorization")) {
            return;
        }
        super.copyRequestHeader(servletRequest, proxyRequest, headerName);
    }

    /** The hook the library documents for adding headers: after its copy, the Bearer token from the cookie. */
    @Override
    protected void copyRequestHeaders(HttpServletRequest servletRequest, HttpRequest proxyRequest) {
        super.copyRequestHeaders(servletRequest, proxyRequest);
        proxyRequest.setHeader("Authorization", "Bearer " + Cookies.token(servletRequest.getHeader("Cookie")));
    }

    /**
     * What a web.xml would declare, with the target from BACKEND_URL (an annotation cannot read the environment):
     * /api/proxy/small -> $BACKEND_URL/small (mitre appends the path info to targetUri).
     */
    @WebListener
    public static class Registration implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServletRegistration.Dynamic proxy = event.getServletContext().addServlet("mitre", MitreBearerProxy.class);
            proxy.setInitParameter(P_TARGET_URI, System.getenv("BACKEND_URL"));
            proxy.addMapping("/api/proxy/*");
            proxy.setLoadOnStartup(1);
        }
    }
}
