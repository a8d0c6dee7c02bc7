package dev.cookierelay.proxy;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Hands the client's exchange from the request thread to the backend call's threads, which may answer
 * before the container has finished with the request thread.
 */
final class AsyncHandoff {

    static final String NOT_ASYNC = "The relay cannot answer behind a filter that is not async-supported";

    private static final Logger LOG = Logger.getLogger(AsyncHandoff.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private AsyncHandoff() {
    }

    /**
     * @throws RelayRejection 500 when a filter in front of the relay (a host application's filter at /*, say) is
     *                        not async-supported: startAsync would throw, and the server would answer with its
     *                        own error page and stack trace. Logged once, with the fix.
     */
    static AsyncContext begin(HttpServletRequest clientRequest, HttpServletResponse clientResponse) {
        if (!clientRequest.isAsyncSupported()) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.warning("cookie-relay answers 500 to every request: a filter mapped in front of it (such as a filter"
                        + " of this application at /*) is not async-supported. Declare it <async-supported>true"
                        + "</async-supported> in web.xml or @WebFilter(asyncSupported = true).");
            }
            throw new RelayRejection(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, NOT_ASYNC);
        }
        // Payara (Grizzly) fills in the status lazily, on its first read, and reads it itself after service()
        // returns (for its request-end event). A backend that answered inside that window had its status
        // overwritten with 200 (1 in ~20,000 instant answers, measured here). Setting it now, on the request
        // thread, leaves that read nothing to write.
        clientResponse.setStatus(HttpServletResponse.SC_OK);
        AsyncContext async = clientRequest.startAsync();
        async.setTimeout(0); // streams have no total-time limit; the exchange enforces its own timers
        return async;
    }
}
