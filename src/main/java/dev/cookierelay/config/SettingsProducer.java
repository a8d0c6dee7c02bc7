package dev.cookierelay.config;

import dev.cookierelay.demo.DemoSettings;
import dev.cookierelay.health.HealthSettings;
import dev.cookierelay.proxy.ProxySettings;
import dev.cookierelay.ratelimit.RateLimitSettings;
import dev.cookierelay.routing.Route;
import dev.cookierelay.routing.RoutingSettings;
import dev.cookierelay.security.SecuritySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Reads every feature's settings once, when the application starts: an invalid value throws here, which
 * fails the deployment with a message naming the key. Features inject their own immutable record.
 */
@ApplicationScoped
public class SettingsProducer {

    private static final Logger LOG = Logger.getLogger(SettingsProducer.class.getName());

    @Inject
    Config config;

    private RoutingSettings routing;
    private ProxySettings proxy;
    private SecuritySettings security;
    private HealthSettings health;
    private RateLimitSettings rateLimit;
    private DemoSettings demo;

    @PostConstruct
    void read() {
        try {
            readAll();
        } catch (InvalidSettingException e) {
            // Logged here as well: the relay jar is a library bean archive, and Payara fails such an archive's
            // deployment with only Weld's "Unable to invoke read()", dropping the cause that names the key.
            LOG.severe(e.getMessage());
            throw e;
        }
    }

    private void readAll() {
        SettingsSource source = SettingsSource.of(config);
        routing = RoutingSettings.from(source);
        proxy = ProxySettings.from(source);
        security = SecuritySettings.from(source);
        health = HealthSettings.from(source);
        rateLimit = RateLimitSettings.from(source, routing);
        demo = DemoSettings.from(source);
        LOG.info(() -> "relay routes: " + routing.table().routes().stream()
                .map(route -> describe(route, routing)).collect(Collectors.joining(", ")));
        LOG.info(() -> "relay backend limits: " + proxy);
        LOG.info(() -> "relay browser security: " + security);
        LOG.info(() -> "relay health probes: " + health);
        LOG.info(() -> "relay rate limits: " + rateLimit);
        if (demo.enabled()) {
            LOG.warning("cookie-relay demo is ON (" + DemoSettings.ENABLED_KEY + "=true): /demo/sign-in hands out "
                    + "a demo token to anyone. Never enable it in a real deployment.");
        }
    }

    /** Runs at deployment, so a bad setting is found before the first request, not by it. */
    void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
        routing.table();
    }

    @Produces
    RoutingSettings routing() {
        return routing;
    }

    @Produces
    ProxySettings proxy() {
        return proxy;
    }

    @Produces
    SecuritySettings security() {
        return security;
    }

    @Produces
    HealthSettings health() {
        return health;
    }

    @Produces
    RateLimitSettings rateLimit() {
        return rateLimit;
    }

    @Produces
    DemoSettings demo() {
        return demo;
    }

    private static String describe(Route route, RoutingSettings routing) {
        return routing.table().prefixOf(route) + " -> " + route.target() + " (cookie " + route.cookieName() + ")";
    }
}
