import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.ee10.proxy.ProxyServlet;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Java peer: Jetty 12.1's ee10 ProxyServlet.Transparent (Jetty's HttpClient, async servlet, blocking servlet I/O)
 * doing the relay's job on Payara: cookie -> Bearer and nothing else changed, Jetty's defaults otherwise (so also
 * its Via and Forwarded headers, 256 connections per destination, 60 s total timeout).
 */
public class JettyBearerProxy extends ProxyServlet.Transparent {

    /**
     * Jetty copies every end-to-end header, Cookie and a client's Authorization included; after that copy the
     * backend gets the Bearer token instead of the cookies, as from the relay.
     */
    @Override
    protected void copyRequestHeaders(HttpServletRequest clientRequest, Request proxyRequest) {
        super.copyRequestHeaders(clientRequest, proxyRequest);
        String bearer = "Bearer " + Cookies.token(clientRequest.getHeader("Cookie"));
        proxyRequest.headers(headers -> headers.remove(HttpHeader.COOKIE).put(HttpHeader.AUTHORIZATION, bearer));
    }

    /**
     * What a web.xml would declare, with proxyTo from BACKEND_URL (an annotation cannot read the environment):
     * /api/proxy/small -> $BACKEND_URL/small. Async support is required (ProxyServlet calls startAsync).
     * maxThreads is not tuning but needed off Jetty: without it the servlet takes the Jetty server's executor
     * from the context attribute org.eclipse.jetty.server.Executor, which Payara has not, and init fails with
     * "No server executor for proxy"; 256 is the value its javadoc gives.
     */
    @WebListener
    public static class Registration implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServletRegistration.Dynamic proxy = event.getServletContext().addServlet("jetty-proxy", JettyBearerProxy.class);
            proxy.setInitParameter("proxyTo", System.getenv("BACKEND_URL"));
            proxy.setInitParameter("prefix", "/api/proxy");
            proxy.setInitParameter("maxThreads", "256");
            proxy.setAsyncSupported(true);
            proxy.addMapping("/api/proxy/*");
            proxy.setLoadOnStartup(1);
        }
    }
}
