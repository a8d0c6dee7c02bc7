package dev.cookierelay.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the relay's own machinery runs: the backend probes still finish on schedule. A backend that is
 * down is not a reason to restart the relay, so it never makes liveness DOWN.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    static final String NAME = "cookie-relay";

    @Inject
    BackendMonitor monitor;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(monitor.probingOnTime(System.nanoTime())).build();
    }
}
