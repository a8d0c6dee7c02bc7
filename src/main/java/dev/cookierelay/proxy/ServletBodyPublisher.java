package dev.cookierelay.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the client's request body to the HTTP client as it arrives: a chunk is read only when the
 * HTTP client asked for one, so memory stays constant for any body size.
 *
 * <p>Reads block, on a relay worker thread, and only while an upload is in progress. Non-blocking reads
 * (ReadListener) were tried first: Payara calls onAllDataRead while the body may still be buffered and
 * then refuses isReady() ("Illegal attempt to register a new handler"), which broke small uploads.
 *
 * <p>A blocking read must never outlive the client's request: once the exchange completes, the server
 * recycles the request object for the next one, and a late read would fail or take that request's bytes.
 * {@link #stopThen} therefore completes only once no read is in progress. A backend may answer before it
 * has read the whole upload; like nginx, the relay then reads the rest of the client's body and discards
 * it (up to the route's limit) before completing, so every server sees a finished request and keeps the
 * client's connection, whatever it does with unread bodies.
 */
final class ServletBodyPublisher implements Flow.Publisher<ByteBuffer> {

    private static final int CHUNK_BYTES = 16 * 1024;

    private final InputStream clientBody;
    private final long maxBytes;
    private final Executor workers;
    private final Runnable onFullySent;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicBoolean pumping = new AtomicBoolean();
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private volatile Flow.Subscriber<? super ByteBuffer> subscriber;
    private volatile boolean cancelled;
    private volatile boolean done;
    private volatile Throwable protocolError;
    private long bytesRead;
    private final Object readGate = new Object();
    private boolean reading;            // guarded by readGate: one thread at a time is inside read()
    private boolean stopped;            // guarded by readGate
    private Runnable afterStop;         // guarded by readGate: runs once the rest of the body is discarded
    private volatile boolean bodyEnded; // the client's body was read to its end, or reading it failed

    /** @param onFullySent runs once the last byte was handed to the HTTP client */
    ServletBodyPublisher(InputStream clientBody, long maxBytes, Executor workers, Runnable onFullySent) {
        this.clientBody = clientBody;
        this.maxBytes = maxBytes;
        this.workers = workers;
        this.onFullySent = onFullySent;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> newSubscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            // The client's body streams once; a retried exchange cannot replay it.
            newSubscriber.onSubscribe(new NoSubscription());
            newSubscriber.onError(new IOException("the request body cannot be sent twice"));
            return;
        }
        subscriber = newSubscriber;
        newSubscriber.onSubscribe(new Subscription());
    }

    /** Starts a pump on a worker unless one is already running; the running one sees the new demand. */
    private void schedulePump() {
        if (!done && pumping.compareAndSet(false, true)) {
            workers.execute(this::pump);
        }
    }

    private void pump() {
        try {
            while (!done && (demand.get() > 0 || cancelled || protocolError != null)) {
                pumpOnce();
            }
        } finally {
            pumping.set(false);
        }
        // Demand that arrived after the loop's last look, but before pumping was released.
        if (!done && (demand.get() > 0 || cancelled)) {
            schedulePump();
        }
    }

    private void pumpOnce() {
        Flow.Subscriber<? super ByteBuffer> target = subscriber;
        if (cancelled) {
            done = true;
            return;
        }
        if (protocolError != null) {
            fail(target, protocolError);
            return;
        }
        synchronized (readGate) {
            if (stopped) {
                done = true;
                return;
            }
            reading = true;
        }
        int count;
        try {
            count = clientBody.read(chunk);
        } catch (IOException | RuntimeException e) {
            bodyEnded = true;
            if (!leaveRead()) {
                fail(target, e);
            }
            return;
        }
        if (count < 0) {
            bodyEnded = true;
        } else {
            bytesRead += count;
        }
        if (leaveRead()) {
            return;
        }
        if (count < 0) {
            done = true;
            target.onComplete();
            onFullySent.run();
            return;
        }
        if (bytesRead > maxBytes) {
            fail(target, new RequestBodyTooLargeException());
        } else if (count > 0) {
            demand.decrementAndGet();
            target.onNext(ByteBuffer.wrap(Arrays.copyOf(chunk, count)));
        }
    }

    /**
     * @return whether the exchange was stopped during the read: then what it read belongs to nobody, and
     *         this thread discards the rest before completing
     */
    private boolean leaveRead() {
        synchronized (readGate) {
            if (!stopped) {
                reading = false;
                return false;
            }
        }
        done = true;
        discardRestThenComplete();
        return true;
    }

    /**
     * Stops handing the client's body on and runs {@code then} (completing the exchange) once the body has
     * been read to its end, or to the route's limit, and no read is in progress. Runs at most once.
     */
    void stopThen(Runnable then) {
        cancelled = true;
        boolean drainHere;
        synchronized (readGate) {
            if (stopped) {
                return;
            }
            stopped = true;
            afterStop = then;
            if (reading) {
                return; // the reading thread discards the rest and completes when its read returns
            }
            reading = true; // claimed for the discarding: the pump will not start another read
            drainHere = bodyEnded;
        }
        if (drainHere) {
            discardRestThenComplete();
        } else {
            workers.execute(this::discardRestThenComplete);
        }
    }

    /** Runs on the one thread that holds the read gate. */
    private void discardRestThenComplete() {
        try {
            while (!bodyEnded && bytesRead <= maxBytes) {
                int count = clientBody.read(chunk);
                if (count < 0) {
                    bodyEnded = true;
                } else {
                    bytesRead += count;
                }
            }
        } catch (IOException | RuntimeException clientGone) {
            bodyEnded = true; // nothing left to discard
        }
        Runnable then;
        synchronized (readGate) {
            then = afterStop;
            afterStop = null;
        }
        if (then != null) {
            then.run();
        }
    }

    private void fail(Flow.Subscriber<? super ByteBuffer> target, Throwable failure) {
        done = true;
        target.onError(failure);
    }

    private final class Subscription implements Flow.Subscription {
        @Override
        public void request(long n) {
            if (n <= 0) {
                protocolError = new IllegalArgumentException("non-positive request: " + n); // Reactive Streams §3.9
            } else {
                demand.accumulateAndGet(n, (current, more) -> current + more < 0 ? Long.MAX_VALUE : current + more);
            }
            schedulePump();
        }

        @Override
        public void cancel() {
            cancelled = true;
            schedulePump();
        }
    }

    private static final class NoSubscription implements Flow.Subscription {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    }
}
