package dev.cookierelay.proxy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a drain step on one thread at a time, however many threads signal: a signal that arrives while
 * another thread drains makes that thread drain once more instead of running concurrently. This is how
 * the HTTP client's threads and the servlet container's I/O callbacks share one stream without locks.
 */
final class DrainLoop {

    private static final Logger LOG = Logger.getLogger(DrainLoop.class.getName());

    private final AtomicInteger signals = new AtomicInteger();
    private final Runnable drain;

    DrainLoop(Runnable drain) {
        this.drain = drain;
    }

    void signal() {
        if (signals.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            try {
                drain.run();
            } catch (RuntimeException e) {
                // The count must still go down, or no later signal would ever drain again.
                LOG.log(Level.WARNING, "drain step failed", e);
            }
            missed = signals.addAndGet(-missed);
        } while (missed != 0);
    }
}
