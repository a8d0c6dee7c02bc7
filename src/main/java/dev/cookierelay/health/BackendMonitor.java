package dev.cookierelay.health;

import dev.cookierelay.routing.Route;
import dev.cookierelay.routing.RoutingSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Probes every route's backend on a fixed schedule, on one daemon thread, and keeps the last round. Health
 * endpoints read that round, so a readiness poll never opens a connection and a flood of polls costs nothing.
 */
@ApplicationScoped
public class BackendMonitor {

    private static final Logger LOG = Logger.getLogger(BackendMonitor.class.getName());

    @Inject
    RoutingSettings routing;

    @Inject
    HealthSettings settings;

    private ScheduledExecutorService scheduler;
    private volatile long startedNanos;
    private volatile Reachability last = Reachability.none();

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        startedNanos = System.nanoTime();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "relay-health-probe");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::probeAll, 0, settings.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    public Reachability last() {
        return last;
    }

    /** Whether rounds still finish on time; a stuck or dead probe thread makes this false. */
    public boolean probingOnTime(long nowNanos) {
        long lastProgress = Math.max(startedNanos, last.finishedNanos());
        return nowNanos - lastProgress <= staleAfter().toNanos();
    }

    /** Two intervals plus one full round of timeouts: a late round, not a slow one. */
    Duration staleAfter() {
        return settings.checkInterval().multipliedBy(2)
                .plus(settings.probeTimeout().multipliedBy(routing.table().routes().size()));
    }

    private void probeAll() {
        BackendProbe probe = new BackendProbe(settings.probeTimeout());
        Map<String, Boolean> reachable = new LinkedHashMap<>();
        for (Route route : routing.table().routes()) {
            reachable.put(route.name(), probe.accepts(route));
        }
        Reachability previous = last;
        last = new Reachability(Map.copyOf(reachable), System.nanoTime());
        reachable.forEach((name, up) -> {
            if (!up.equals(previous.reachableByRoute().get(name))) {
                LOG.info(() -> "route " + name + ": backend " + (up ? "reachable" : "unreachable"));
            }
        });
    }
}
