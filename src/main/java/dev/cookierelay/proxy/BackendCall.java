package dev.cookierelay.proxy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncRequester;
import org.apache.hc.core5.http.nio.AsyncClientEndpoint;
import org.apache.hc.core5.http.nio.AsyncClientExchangeHandler;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.util.Timeout;

/**
 * One backend exchange on one pooled connection, in HttpCore's callbacks: leases the connection, sends
 * the request and its body, gives the response head to a {@link Listener} and the body to a Flow
 * subscriber, whose chunk demand becomes HttpCore's read window. {@link #cancel()} closes the connection at
 * once, whoever calls it (client gone, timer, idle limit); a connection goes back to the pool only after
 * a complete exchange.
 *
 * <p>HttpAsyncRequester's own execute() was not used: its future cannot abort an exchange in flight.
 */
final class BackendCall implements AsyncClientExchangeHandler {

    /** What the exchange does with the backend's answer. */
    interface Listener {
        /** @return where the body goes, or null to drop it (the client was already answered) */
        Flow.Subscriber<List<ByteBuffer>> headersArrived(HttpResponse response);

        void failedBeforeHeaders(Throwable failure);
    }

    private final HttpRequest request;
    private final RequestBodyProducer body;
    private final Listener listener;
    private final AtomicReference<AsyncClientEndpoint> endpoint = new AtomicReference<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final BodyDemand demand = new BodyDemand();
    private volatile Future<AsyncClientEndpoint> connecting;
    private volatile boolean connected;
    private volatile boolean cancelled;
    private volatile Flow.Subscriber<List<ByteBuffer>> subscriber;

    /** @param body the client's body, or null when the request has none */
    BackendCall(HttpRequest request, RequestBodyProducer body, Listener listener) {
        this.request = request;
        this.body = body;
        this.listener = listener;
    }

    /** Leases a connection (the relay's timer, not HttpCore, limits how long that may take) and sends. */
    void start(HttpAsyncRequester requester, HttpHost host) {
        connecting = requester.connect(host, Timeout.DISABLED, null, new FutureCallback<>() {
            @Override
            public void completed(AsyncClientEndpoint leased) {
                endpoint.set(leased);
                connected = true;
                if (cancelled) {
                    discard();
                } else {
                    leased.execute(BackendCall.this, null, HttpCoreContext.create());
                }
            }

            @Override
            public void failed(Exception cause) {
                BackendCall.this.failed(cause);
            }

            @Override
            public void cancelled() {
                BackendCall.this.failed(new CancellationException("connect cancelled"));
            }
        });
    }

    boolean isConnected() {
        return connected;
    }

    /** Stops the exchange wherever it is: the connection attempt or the connection is closed, never reused. */
    @Override
    public void cancel() {
        cancelled = true;
        Future<AsyncClientEndpoint> attempt = connecting;
        if (attempt != null) {
            attempt.cancel(true);
        }
        discard();
    }

    @Override
    public void produceRequest(RequestChannel channel, HttpContext context) throws org.apache.hc.core5.http.HttpException, IOException {
        channel.sendRequest(request, body == null ? null : body.details(), context);
    }

    @Override
    public int available() {
        return body == null ? 0 : body.available();
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        if (body != null) {
            body.produce(channel);
        }
    }

    @Override
    public void consumeInformation(HttpResponse response, HttpContext context) {
        // 1xx: the relay sends no Expect and forwards no Upgrade, so there is nothing to act on.
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entityDetails, HttpContext context) {
        Flow.Subscriber<List<ByteBuffer>> target = listener.headersArrived(response);
        if (target == null) {
            discard();
            return;
        }
        subscriber = target;
        target.onSubscribe(demand);
        if (entityDetails == null) {
            // Ended before the connection is let go: closing it may report a failure, which must find the answer complete.
            end(null);
            reuse();
        }
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws IOException {
        demand.windowExhausted(channel);
    }

    @Override
    public void consume(ByteBuffer src) {
        // HttpCore reuses its buffer after this returns; the copy is what travels on to the client.
        ByteBuffer chunk = ByteBuffer.allocate(src.remaining());
        chunk.put(src).flip();
        demand.delivered();
        Flow.Subscriber<List<ByteBuffer>> target = subscriber;
        if (target != null) {
            target.onNext(List.of(chunk));
        }
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        end(null);
        reuse();
    }

    @Override
    public void failed(Exception cause) {
        discard();
        if (subscriber == null) {
            if (ended.compareAndSet(false, true)) {
                listener.failedBeforeHeaders(cause);
            }
        } else {
            end(cause);
        }
    }

    @Override
    public void releaseResources() {
        discard();
        if (body != null) {
            body.cancel();
        }
    }

    private void end(Throwable failure) {
        Flow.Subscriber<List<ByteBuffer>> target = subscriber;
        if (target != null && ended.compareAndSet(false, true)) {
            if (failure == null) {
                target.onComplete();
            } else {
                target.onError(failure);
            }
        }
    }

    /**
     * Back to the pool only at a message boundary: a backend that answered before it read the whole
     * upload leaves the request half-sent, and that connection must not carry another exchange.
     */
    private void reuse() {
        if (body != null && !body.fullySent()) {
            discard();
            return;
        }
        AsyncClientEndpoint leased = endpoint.getAndSet(null);
        if (leased != null) {
            leased.releaseAndReuse();
        }
    }

    private void discard() {
        AsyncClientEndpoint leased = endpoint.getAndSet(null);
        if (leased != null) {
            leased.releaseAndDiscard();
        }
    }

    /**
     * The subscriber's demand, in chunks, turned into HttpCore's read window, in bytes. HttpCore asks for
     * more window once a chunk's worth is read; it gets it only while the subscriber still wants chunks,
     * so at most one chunk is read beyond the subscriber's demand.
     */
    private final class BodyDemand implements Flow.Subscription {
        private long chunks;           // guarded by this
        private CapacityChannel starved; // guarded by this: HttpCore waits for window on it

        void windowExhausted(CapacityChannel channel) throws IOException {
            synchronized (this) {
                if (chunks <= 0) {
                    starved = channel;
                    return;
                }
            }
            channel.update(BackendClients.CHUNK_BYTES);
        }

        synchronized void delivered() {
            chunks--;
        }

        @Override
        public void request(long n) {
            CapacityChannel waiting;
            synchronized (this) {
                chunks = chunks + n < 0 ? Long.MAX_VALUE : chunks + n;
                waiting = starved;
                starved = null;
            }
            if (waiting != null) {
                try {
                    waiting.update(BackendClients.CHUNK_BYTES);
                } catch (IOException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void cancel() {
            BackendCall.this.cancel();
        }
    }
}
