package dev.cookierelay.proxy;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;

/**
 * Streams the backend's response body to the client with non-blocking servlet writes. It asks for at most
 * {@value #WINDOW} chunks ahead of what it writes, so a slow client slows the backend instead of filling
 * memory, and it flushes whenever it has nothing left to write, so every
 * Server-Sent Event leaves as soon as it arrives. No thread is held while either side is silent.
 */
final class ClientResponseStreamer implements Flow.Subscriber<List<ByteBuffer>> {

    /** What ends the stream: called once, on the draining thread. */
    interface Outcome {
        void completed();

        void backendFailed(Throwable failure);

        void clientGone(Throwable failure);
    }

    /**
     * Chunks (the requester's reads, each up to {@link BackendClients#CHUNK_BYTES}) asked for
     * ahead of the client: the backend connection is read while the client connection is written, and one
     * flush covers what arrived meanwhile. Measured with the copy removed: about +5% for 1 MiB bodies
     * (bench/README.md, item 6).
     */
    static final int WINDOW = 4;

    private final ServletOutputStream clientBody;
    private final Outcome outcome;
    private final Queue<List<ByteBuffer>> arrived = new ConcurrentLinkedQueue<>();
    private final DrainLoop loop = new DrainLoop(this::drain);
    private volatile Flow.Subscription subscription;
    private volatile boolean backendDone;
    private volatile Throwable backendFailure;
    private volatile Throwable clientFailure;
    private volatile boolean abandoned;
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile boolean awaitingWritable;
    private boolean unflushed;
    private boolean finished;
    // Only the draining thread touches these.
    private List<ByteBuffer> current = List.of();
    private int currentIndex;
    private int held; // chunks requested and not yet taken for writing

    ClientResponseStreamer(ServletOutputStream clientBody, Outcome outcome) {
        this.clientBody = clientBody;
        this.outcome = outcome;
        clientBody.setWriteListener(new Listener());
    }

    @Override
    public void onSubscribe(Flow.Subscription backendSubscription) {
        subscription = backendSubscription;
        loop.signal();
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        arrived.add(chunk);
        lastProgressNanos = System.nanoTime();
        loop.signal();
    }

    @Override
    public void onError(Throwable failure) {
        backendFailure = failure;
        backendDone = true;
        loop.signal();
    }

    @Override
    public void onComplete() {
        backendDone = true;
        loop.signal();
    }

    /** Nanoseconds since either side last made progress, for the idle limit. */
    long idleNanos() {
        return System.nanoTime() - lastProgressNanos;
    }

    /** Stops relaying (idle limit, shutdown): the backend exchange is cancelled, the client's response ended. */
    void abandon() {
        abandoned = true;
        loop.signal();
    }

    /** The container reported the client connection broken. */
    void clientLeft(Throwable failure) {
        clientFailure = failure;
        loop.signal();
    }

    /** Whether a relay-made error may still replace the response: nothing sent yet and the client can take bytes. */
    boolean canStillAnswer() {
        return !awaitingWritable && writable();
    }

    private void drain() {
        if (finished || subscription == null) {
            return;
        }
        Runnable ending;
        try {
            ending = relayOrEnd();
        } catch (IOException | RuntimeException e) {
            clientFailure = e;
            ending = cancelled(() -> outcome.clientGone(e));
        }
        if (ending != null) {
            // Reported once, after the stream's own state is final: an outcome that throws is not a client failure.
            finish();
            ending.run();
        }
    }

    /** An ending that first stops the backend stream, which is still running. */
    private Runnable cancelled(Runnable outcomeCall) {
        return () -> {
            subscription.cancel();
            outcomeCall.run();
        };
    }

    /** Writes what it can; returns how the stream ends, or null while it goes on. */
    private Runnable relayOrEnd() throws IOException {
        Throwable gone = clientFailure;
        if (gone != null) {
            return cancelled(() -> outcome.clientGone(gone));
        }
        if (abandoned) {
            return cancelled(() -> outcome.backendFailed(new HttpTimeoutException("stream idle for too long")));
        }
        while (!awaitingWritable && writable()) {
            ByteBuffer next = nextBuffer();
            if (next != null) {
                write(next);
                askAhead();
            } else if (unflushed) {
                unflushed = false;
                clientBody.flush();
            } else if (backendDone) {
                Throwable failure = backendFailure;
                return failure != null ? () -> outcome.backendFailed(failure) : outcome::completed;
            } else {
                askAhead();
                return null;
            }
        }
        return null; // not ready: the container calls onWritePossible when the client has taken the bytes
    }

    /** The next buffer to write, in order; a chunk stops counting as held once it is taken. */
    private ByteBuffer nextBuffer() {
        while (currentIndex == current.size()) {
            List<ByteBuffer> chunk = arrived.poll();
            if (chunk == null) {
                return null;
            }
            held--;
            current = chunk;
            currentIndex = 0;
        }
        return current.get(currentIndex++);
    }

    private void askAhead() {
        if (!backendDone && held < WINDOW) {
            int more = WINDOW - held;
            held = WINDOW;
            subscription.request(more);
        }
    }

    /** As for reads: after a false isReady(), only onWritePossible may lead to asking again (Grizzly). */
    private boolean writable() {
        awaitingWritable = true;
        boolean ready = clientBody.isReady();
        if (ready) {
            awaitingWritable = false;
        }
        return ready;
    }

    private void write(ByteBuffer buffer) throws IOException {
        if (buffer.hasArray()) {
            // Each chunk is the relay's own copy (BackendCall), so it is written without another.
            clientBody.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        } else {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            clientBody.write(bytes);
        }
        unflushed = true;
        lastProgressNanos = System.nanoTime();
    }

    private void finish() {
        finished = true;
        arrived.clear();
        current = List.of();
    }

    private final class Listener implements WriteListener {
        @Override
        public void onWritePossible() {
            awaitingWritable = false;
            loop.signal();
        }

        @Override
        public void onError(Throwable failure) {
            clientFailure = failure;
            loop.signal();
        }
    }
}
