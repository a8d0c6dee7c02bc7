package dev.cookierelay.proxy;

import dev.cookierelay.routing.Route;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncRequester;

/**
 * One relayed call, from sending the backend request to ending the client's response. Exactly one of
 * three things answers the client: the backend's headers, a timer (504) or a failure (502/413).
 */
final class BackendExchange implements BackendCall.Listener, ClientResponseStreamer.Outcome {

    private static final Logger LOG = Logger.getLogger(BackendExchange.class.getName());

    private enum State { WAITING, STREAMING, ANSWERED }

    private final AtomicReference<State> state = new AtomicReference<>(State.WAITING);
    private final AsyncContext async;
    private final HttpServletResponse clientResponse;
    private final ClientResponseHead head;
    private final Route route;
    private final String relayPathPrefix;
    private final ProxySettings settings;
    private final ScheduledExecutorService timers;
    private volatile BackendCall backendCall;
    private volatile ScheduledFuture<?> connectTimer;
    private volatile ScheduledFuture<?> responseTimer;
    private volatile ScheduledFuture<?> idleTimer;
    private volatile ClientResponseStreamer streamer;
    private volatile ServletBodyPublisher upload;
    private final AtomicBoolean finished = new AtomicBoolean();

    BackendExchange(AsyncContext async, HttpServletResponse clientResponse, Route route, String relayPathPrefix,
                    ProxySettings settings, ScheduledExecutorService timers) {
        this.async = async;
        this.clientResponse = clientResponse;
        this.head = new ClientResponseHead(clientResponse);
        this.route = route;
        this.relayPathPrefix = relayPathPrefix;
        this.settings = settings;
        this.timers = timers;
    }

    /**
     * @param upload         the reader of the client's body, or null when the request has none
     * @param declaredLength the client's Content-Length, or -1 to send the body chunked, as it came
     */
    void start(HttpAsyncRequester requester, HttpHost host, HttpRequest backendRequest, ServletBodyPublisher upload,
               long declaredLength) {
        this.upload = upload;
        async.addListener(new ClientListener());
        RequestBodyProducer body = upload == null ? null : new RequestBodyProducer(upload, declaredLength);
        backendCall = new BackendCall(backendRequest, body, this);
        connectTimer = timers.schedule(this::connectTimedOut, settings.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
        backendCall.start(requester, host);
        if (body == null) {
            requestBodySent();
        }
    }

    /** The response timeout counts from the end of the upload, so a long upload is not cut off. */
    void requestBodySent() {
        responseTimer = timers.schedule(this::responseTimedOut, settings.responseTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public Flow.Subscriber<List<ByteBuffer>> headersArrived(HttpResponse backendResponse) {
        if (!state.compareAndSet(State.WAITING, State.STREAMING)) {
            return null; // already answered: discard
        }
        cancel(connectTimer);
        cancel(responseTimer);
        try {
            head.copyFrom(backendResponse, route, relayPathPrefix);
            streamer = new ClientResponseStreamer(clientResponse.getOutputStream(), this);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "client response could not be started", e);
            finish();
            return null;
        }
        if (!settings.idleTimeout().isZero()) {
            watchIdle();
        }
        return streamer;
    }

    private void watchIdle() {
        long limit = settings.idleTimeout().toNanos();
        long idle = streamer.idleNanos();
        if (idle >= limit) {
            streamer.abandon();
        } else {
            idleTimer = timers.schedule(this::watchIdle, limit - idle, TimeUnit.NANOSECONDS);
        }
    }

    private void responseTimedOut() {
        if (state.compareAndSet(State.WAITING, State.ANSWERED)) {
            backendCall.cancel();
            answer(new BackendFailure(504, "Backend timed out"), null);
        }
    }

    /** Like nginx's proxy_connect_timeout: a backend that does not accept in time is a gateway timeout. */
    private void connectTimedOut() {
        if (!backendCall.isConnected() && state.compareAndSet(State.WAITING, State.ANSWERED)) {
            backendCall.cancel();
            answer(new BackendFailure(504, "Backend timed out"), null);
        }
    }

    @Override
    public void failedBeforeHeaders(Throwable failure) {
        if (state.compareAndSet(State.WAITING, State.ANSWERED)) {
            cancel(connectTimer);
            cancel(responseTimer);
            answer(BackendFailure.of(failure), failure);
        }
    }

    private void answer(BackendFailure failure, Throwable cause) {
        // Class and message only: HttpCore's messages name no header, so no token can leak here.
        LOG.log(Level.INFO, () -> "route " + route.name() + ": answered " + failure.status() + " (" + describe(cause) + ")");
        LOG.log(Level.FINE, "backend failure", cause);
        try {
            ErrorResponse.send(clientResponse, failure.status(), failure.message());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "client left before the error could be sent", e);
        }
        finish();
    }

    @Override
    public void completed() {
        cancel(idleTimer);
        finish();
    }

    @Override
    public void backendFailed(Throwable failure) {
        cancel(idleTimer);
        LOG.log(Level.INFO, () -> "route " + route.name() + ": backend stream ended early (" + describe(failure) + ")");
        // Once bytes have left, the status cannot change; before that the client gets a clean 502.
        if (!clientResponse.isCommitted() && streamer.canStillAnswer()) {
            head.discardBackendPart();
            answer(BackendFailure.of(failure), failure);
        } else {
            finish();
        }
    }

    @Override
    public void clientGone(Throwable failure) {
        cancel(idleTimer);
        LOG.log(Level.FINE, () -> "route " + route.name() + ": client left mid-stream (" + describe(failure) + ")");
        finish();
    }

    /**
     * Completes the client's exchange once, after the upload reader has let go of the request: a backend
     * may answer before it has read the whole body, and the server recycles a completed request.
     */
    private void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        ServletBodyPublisher reader = upload;
        if (reader == null) {
            async.complete();
        } else {
            reader.stopThen(async::complete);
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure == null ? null : BackendFailure.unwrap(failure);
        if (cause == null) {
            return "timer";
        }
        // The whole chain, so "request body failed" says what failed underneath (the client, the limit, ...).
        StringBuilder text = new StringBuilder();
        for (int depth = 0; cause != null && depth < 5; cause = cause.getCause(), depth++) {
            text.append(depth == 0 ? "" : " <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    /** The client side ending on its own: a disconnect before the backend answered cancels the call. */
    private final class ClientListener implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            cancel(connectTimer);
            cancel(responseTimer);
            cancel(idleTimer);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            onError(event);
        }

        @Override
        public void onError(AsyncEvent event) {
            if (state.compareAndSet(State.WAITING, State.ANSWERED)) {
                cancel(connectTimer);
                cancel(responseTimer);
                backendCall.cancel();
                finish();
            } else if (streamer != null) {
                streamer.clientLeft(event.getThrowable());
            }
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

}
