package dev.cookierelay.mount;

import dev.cookierelay.config.InvalidSettingException;
import dev.cookierelay.proxy.RelayServlet;
import dev.cookierelay.ratelimit.RateLimitFilter;
import dev.cookierelay.routing.MountPath;
import dev.cookierelay.routing.RoutingSettings;
import dev.cookierelay.security.BrowserSecurityFilter;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Declared by the relay jar's META-INF/web-fragment.xml, so it runs in whichever WAR holds the jar: the
 * standalone relay WAR or the host application's own. It maps the relay servlet at
 * {@code <RELAY_MOUNT_PATH>/*} and puts rate limiting, then browser security, in front of that servlet
 * only (a servlet-name mapping). Nothing is mapped by annotation or URL pattern of the host's, so the
 * host's servlets, filters, Faces servlet and JAX-RS application see no relay code on their paths.
 */
public class RelayRegistrar implements ServletContextListener {

    public static final String SERVLET_NAME = "cookie-relay";
    public static final String RATE_LIMIT_FILTER_NAME = "cookie-relay-rate-limit";
    public static final String BROWSER_SECURITY_FILTER_NAME = "cookie-relay-browser-security";

    private static final Logger LOG = Logger.getLogger(RelayRegistrar.class.getName());

    // Injecting the settings reads and validates all of them: a bad value fails the deployment here.
    @Inject
    RoutingSettings routing;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        String mapping = routing.table().mountPath() + "/*";

        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME, RelayServlet.class);
        if (servlet == null) {
            throw new IllegalStateException("A servlet named '" + SERVLET_NAME + "' is already declared in "
                    + context.getContextPath() + "/: is the cookie-relay jar in this WAR twice?");
        }
        // Async, like every filter in front of it: the relay hands each exchange to an async context.
        servlet.setAsyncSupported(true);
        Set<String> taken = servlet.addMapping(mapping);
        if (!taken.isEmpty()) {
            throw new InvalidSettingException(MountPath.KEY, mapping
                    + " is already mapped to another servlet of this application; choose a path of the relay's own");
        }
        // Filters run in the order they are added: an abusive caller is stopped before any other work.
        filter(context, RATE_LIMIT_FILTER_NAME, RateLimitFilter.class);
        filter(context, BROWSER_SECURITY_FILTER_NAME, BrowserSecurityFilter.class);
        LOG.info(() -> "cookie-relay mounted at " + context.getContextPath() + mapping);
    }

    private static void filter(ServletContext context, String name, Class<? extends Filter> type) {
        FilterRegistration.Dynamic filter = context.addFilter(name, type);
        if (filter == null) {
            throw new IllegalStateException("A filter named '" + name + "' is already declared in "
                    + context.getContextPath() + "/: is the cookie-relay jar in this WAR twice?");
        }
        filter.setAsyncSupported(true);
        // isMatchAfter: behind the host's own filters, which may log or trace every request of its origin.
        filter.addMappingForServletNames(EnumSet.of(DispatcherType.REQUEST), true, SERVLET_NAME);
    }
}
