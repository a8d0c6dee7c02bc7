package dev.cookierelay.proxy;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.bootstrap.AsyncRequesterBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncRequester;
import org.apache.hc.core5.http.protocol.DefaultHttpProcessor;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;

/**
 * The backend connections (one non-blocking HTTP/1.1 requester with a connection pool per backend host),
 * built once at deployment, plus the timer that enforces connect, response and idle limits and the
 * threads that read uploads.
 */
@ApplicationScoped
public class BackendClients {

    /**
     * Bytes the requester reads per body chunk, and the most it reads ahead of what the client has taken:
     * the backend is read while the client is written, and a slow client slows the backend.
     */
    static final int CHUNK_BYTES = 16 * 1024;

    /**
     * Connections kept per backend host. The JDK client had no cap; this one only stops a runaway, as every
     * open event stream holds one (the relay's own stream cap and the file-descriptor limit come first).
     */
    private static final int MAX_CONNECTIONS_PER_HOST = 100_000;

    private HttpAsyncRequester requester;
    private ExecutorService uploads;
    private ScheduledThreadPoolExecutor timers;

    @PostConstruct
    void start() {
        // Upload reads block while the requester sends, so they get threads of their own, only while they last.
        uploads = Executors.newCachedThreadPool(daemonThreads("relay-upload-"));
        timers = new ScheduledThreadPoolExecutor(1, daemonThreads("relay-timer-"));
        timers.setRemoveOnCancelPolicy(true);
        requester = AsyncRequesterBootstrap.bootstrap()
                // Only framing and Host are added: no User-Agent, no "Connection: keep-alive", no Expect,
                // and an OPTIONS body without Content-Type is relayed, not refused (see BackendFraming).
                .setHttpProcessor(new DefaultHttpProcessor(new BackendFraming(), new RequestTargetHost()))
                .setHttp1Config(Http1Config.custom()
                        .setBufferSize(CHUNK_BYTES)
                        .setInitialWindowSize(CHUNK_BYTES)
                        // Backend header lines as long as the container accepts from clients (Grizzly: 64 KiB).
                        .setMaxLineLength(64 * 1024)
                        .build())
                // No socket timeout of the requester's own: the relay's timers own every limit, so a quiet
                // event stream lives as long as BACKEND_IDLE_TIMEOUT_SECONDS says, and no longer.
                .setIOReactorConfig(IOReactorConfig.custom().setSoTimeout(0, java.util.concurrent.TimeUnit.MILLISECONDS).build())
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setDefaultMaxPerRoute(MAX_CONNECTIONS_PER_HOST)
                .setMaxTotal(MAX_CONNECTIONS_PER_HOST)
                .create();
        requester.start();
    }

    @PreDestroy
    void stop() {
        timers.shutdownNow();
        uploads.shutdownNow();
        // Undeploy must not leave the reactor's threads (and so this application's class loader) behind.
        requester.close(CloseMode.IMMEDIATE);
        try {
            requester.awaitShutdown(TimeValue.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public HttpAsyncRequester requester() {
        return requester;
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
