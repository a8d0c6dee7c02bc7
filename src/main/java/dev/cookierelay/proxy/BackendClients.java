package dev.cookierelay.proxy;

import dev.cookierelay.routing.Route;
import dev.cookierelay.routing.RoutingSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pooled HTTP client per route, built once at deployment, plus the timer that enforces response and
 * idle limits and the threads that read uploads. A client per route keeps each route's connections (and
 * so its tokens) to its own target.
 */
@ApplicationScoped
public class BackendClients {

    @Inject
    RoutingSettings routing;

    @Inject
    ProxySettings settings;

    private final Map<String, HttpClient> clientsByRoute = new HashMap<>();
    private ExecutorService uploads;
    private ScheduledThreadPoolExecutor timers;

    @PostConstruct
    void start() {
        // Upload reads block while the client sends, so they get threads of their own, only while they last.
        uploads = Executors.newCachedThreadPool(daemonThreads("relay-upload-"));
        timers = new ScheduledThreadPoolExecutor(1, daemonThreads("relay-timer-"));
        timers.setRemoveOnCancelPolicy(true);
        for (Route route : routing.table().routes()) {
            clientsByRoute.put(route.name(), HttpClient.newBuilder()
                    // HTTP/1.1 only: the default client would offer "Upgrade: h2c" on every request.
                    .version(HttpClient.Version.HTTP_1_1)
                    // A proxy never follows redirects: the browser must see them (and their Location).
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(settings.connectTimeout())
                    // Callbacks run on the client's own I/O thread. They never block (client writes are
                    // non-blocking, uploads are read on their own threads), and every hand-off to a pool
                    // cost a park and an unpark: GET small 4,400 -> 6,000 req/s (bench/README.md).
                    .executor(Runnable::run)
                    // No cookie handler, no authenticator, no proxy selector: nothing is added or kept.
                    .build());
        }
    }

    @PreDestroy
    void stop() {
        timers.shutdownNow();
        uploads.shutdownNow();
    }

    public HttpClient clientFor(Route route) {
        return clientsByRoute.get(route.name());
    }

    /** Threads that read uploads, one per upload in progress. */
    public ExecutorService uploadReaders() {
        return uploads;
    }

    public ScheduledExecutorService timers() {
        return timers;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
