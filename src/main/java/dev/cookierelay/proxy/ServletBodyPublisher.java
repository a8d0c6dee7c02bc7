package dev.cookierelay.proxy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the client's request body to the HTTP client as it arrives, with non-blocking servlet reads:
 * a chunk is read only when the HTTP client asked for one, so memory stays constant for any body size
 * and no thread waits on a slow uploader.
 */
final class ServletBodyPublisher implements Flow.Publisher<ByteBuffer> {

    private static final int CHUNK_BYTES = 16 * 1024;

    private final ServletInputStream clientBody;
    private final long maxBytes;
    private final Runnable onFullySent;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicLong demand = new AtomicLong();
    private final DrainLoop loop = new DrainLoop(this::drain);
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private volatile Flow.Subscriber<? super ByteBuffer> subscriber;
    private volatile boolean cancelled;
    private volatile boolean allRead;
    private volatile Throwable readFailure;
    private boolean done;
    private boolean endOfStream;
    private long bytesRead;

    /** @param onFullySent runs once the last byte was handed to the HTTP client */
    ServletBodyPublisher(ServletInputStream clientBody, long maxBytes, Runnable onFullySent) {
        this.clientBody = clientBody;
        this.maxBytes = maxBytes;
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
        clientBody.setReadListener(new Listener());
        newSubscriber.onSubscribe(new Subscription());
    }

    private void drain() {
        Flow.Subscriber<? super ByteBuffer> target = subscriber;
        try {
            while (!done) {
                if (cancelled) {
                    done = true;
                } else if (readFailure != null) {
                    done = true;
                    target.onError(readFailure);
                } else if (demand.get() == 0) {
                    return;
                } else if (!endOfStream && (allRead || clientBody.isReady())) {
                    // Grizzly reports onAllDataRead and isFinished() once the last bytes ARRIVED, before they
                    // were read; from then on read() cannot block (and isReady() must not be asked again).
                    readChunk(target);
                } else if (endOfStream || clientBody.isFinished()) {
                    done = true;
                    target.onComplete();
                    onFullySent.run();
                } else {
                    return; // the container calls onDataAvailable or onAllDataRead next
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!done) {
                done = true;
                target.onError(e);
            }
        }
    }

    private void readChunk(Flow.Subscriber<? super ByteBuffer> target) throws IOException {
        int count = clientBody.read(chunk);
        if (count < 0) {
            endOfStream = true;
            return;
        }
        bytesRead += count;
        if (bytesRead > maxBytes) {
            done = true;
            target.onError(new RequestBodyTooLargeException());
            return;
        }
        if (count > 0) {
            demand.decrementAndGet();
            target.onNext(ByteBuffer.wrap(Arrays.copyOf(chunk, count)));
        }
    }

    private final class Subscription implements Flow.Subscription {
        @Override
        public void request(long n) {
            if (n <= 0) {
                readFailure = new IllegalArgumentException("non-positive request: " + n);
            } else {
                demand.accumulateAndGet(n, (current, more) -> current + more < 0 ? Long.MAX_VALUE : current + more);
            }
            loop.signal();
        }

        @Override
        public void cancel() {
            cancelled = true;
            loop.signal();
        }
    }

    private final class Listener implements ReadListener {
        @Override
        public void onDataAvailable() {
            loop.signal();
        }

        @Override
        public void onAllDataRead() {
            allRead = true;
            loop.signal();
        }

        @Override
        public void onError(Throwable failure) {
            readFailure = failure;
            loop.signal();
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
