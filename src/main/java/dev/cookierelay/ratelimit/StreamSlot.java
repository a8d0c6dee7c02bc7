package dev.cookierelay.ratelimit;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One admitted event stream: frees its {@link StreamGate} place exactly once, when the async response
 * ends (completed, failed or timed out), or right after the filter chain if the request never went async.
 * The listener is attached inside {@code startAsync}, so even a stream that ends before the filter
 * returns is released.
 */
final class StreamSlot extends HttpServletRequestWrapper implements AsyncListener {

    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile boolean async;

    StreamSlot(HttpServletRequest clientRequest, Runnable release) {
        super(clientRequest);
        this.release = release;
    }

    /** EventSource always sends {@code Accept: text/event-stream} (WHATWG HTML §9.2). */
    static boolean wantsEventStream(HttpServletRequest clientRequest) {
        String accept = clientRequest.getHeader("Accept");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/event-stream");
    }

    @Override
    public AsyncContext startAsync() {
        return watched(super.startAsync());
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        return watched(super.startAsync(request, response));
    }

    void releaseUnlessAsync() {
        if (!async) {
            release();
        }
    }

    private AsyncContext watched(AsyncContext context) {
        async = true;
        context.addListener(this);
        return context;
    }

    private void release() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        release();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        release();
    }

    @Override
    public void onError(AsyncEvent event) {
        release();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this); // a restarted async cycle drops its listeners
    }
}
