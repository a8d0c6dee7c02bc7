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
        int count;
        try {
            count = clientBody.read(chunk);
        } catch (IOException | RuntimeException e) {
            fail(target, e);
            return;
        }
        if (count < 0) {
            done = true;
            target.onComplete();
            onFullySent.run();
            return;
        }
        bytesRead += count;
        if (bytesRead > maxBytes) {
            fail(target, new RequestBodyTooLargeException());
        } else if (count > 0) {
            demand.decrementAndGet();
            target.onNext(ByteBuffer.wrap(Arrays.copyOf(chunk, count)));
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
