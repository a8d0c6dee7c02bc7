package dev.cookierelay.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while every route's backend accepted a connection in the last probe round. The data names each route
 * and its state only: no URL, host or token, since health output is often public to a load balancer.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    static final String NAME = "cookie-relay-backends";

    @Inject
    BackendMonitor monitor;

    @Override
    public HealthCheckResponse call() {
        Reachability round = monitor.last();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(round.allReachable());
        if (round.reachableByRoute().isEmpty()) {
            response.withData("state", "not checked yet");
        }
        round.reachableByRoute().forEach((route, up) -> response.withData(route, up ? "UP" : "DOWN"));
        return response.build();
    }
}
