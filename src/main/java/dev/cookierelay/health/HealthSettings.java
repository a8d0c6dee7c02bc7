package dev.cookierelay.health;

import dev.cookierelay.config.SettingsSource;
import java.time.Duration;

/**
 * How readiness probes the backends.
 *
 * @param checkInterval time between two probe rounds; readiness reports the last round, so no request probes
 * @param probeTimeout  longest wait for one backend to accept a TCP connection before it counts as down
 */
public record HealthSettings(Duration checkInterval, Duration probeTimeout) {

    public static HealthSettings from(SettingsSource source) {
        return new HealthSettings(
                source.seconds("HEALTH_CHECK_INTERVAL_SECONDS", 1, 3_600),
                Duration.ofMillis(source.longInRange("HEALTH_CHECK_TIMEOUT_MILLIS", 10, 60_000)));
    }
}
