package dev.cookierelay.proxy;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Streams the backend's response body to the client with non-blocking servlet writes. It asks the
 * backend for the next chunk only after the previous one was written, so a slow client slows the
 * backend instead of filling memory, and it flushes whenever it has nothing left to write, so every
 * Server-Sent Event leaves as soon as it arrives. No thread is held while either side is silent.
 */
final class ClientResponseStreamer implements HttpResponse.BodySubscriber<Void> {

    /** What ends the stream: called once, on the draining thread. */
    interface Outcome {
        void completed();

        void backendFailed(Throwable failure);

        void clientGone(Throwable failure);
    }

    private final ServletOutputStream clientBody;
    private final Outcome outcome;
    private final CompletableFuture<Void> body = new CompletableFuture<>();
    private final Queue<ByteBuffer> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean chunkRequested = new AtomicBoolean();
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

    ClientResponseStreamer(ServletOutputStream clientBody, Outcome outcome) {
        this.clientBody = clientBody;
        this.outcome = outcome;
        clientBody.setWriteListener(new Listener());
    }

    @Override
    public CompletionStage<Void> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription backendSubscription) {
        subscription = backendSubscription;
        loop.signal();
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        pending.addAll(chunk);
        lastProgressNanos = System.nanoTime();
        chunkRequested.set(false);
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
            ByteBuffer next = pending.poll();
            if (next != null) {
                write(next);
            } else if (unflushed) {
                unflushed = false;
                clientBody.flush();
            } else if (backendDone) {
                Throwable failure = backendFailure;
                return failure != null ? () -> outcome.backendFailed(failure) : outcome::completed;
            } else {
                if (chunkRequested.compareAndSet(false, true)) {
                    subscription.request(1);
                }
                return null;
            }
        }
        return null; // not ready: the container calls onWritePossible when the client has taken the bytes
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
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        clientBody.write(bytes);
        unflushed = true;
        lastProgressNanos = System.nanoTime();
    }

    private void finish() {
        finished = true;
        pending.clear();
        body.complete(null);
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
