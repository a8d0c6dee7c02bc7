package dev.cookierelay.proxy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Flow;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * Hands the client's request body (a {@link ServletBodyPublisher}) to HttpCore as the backend connection
 * can take it: {@value #WINDOW} chunks are asked for ahead, one more for each chunk fully written, so a
 * slow backend slows the upload instead of filling memory. Modelled on HttpCore's ReactiveDataProducer.
 */
final class RequestBodyProducer implements Flow.Subscriber<ByteBuffer> {

    private static final int WINDOW = 4;

    private final Flow.Publisher<ByteBuffer> clientBody;
    private final EntityDetails details;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>(); // guarded by this
    private volatile DataStreamChannel channel;
    private volatile Flow.Subscription subscription;
    private volatile boolean complete;
    private volatile Throwable failure;
    private volatile boolean streamEnded;

    /** @param declaredLength the client's Content-Length, or -1 to send the body chunked, as it came */
    RequestBodyProducer(Flow.Publisher<ByteBuffer> clientBody, long declaredLength) {
        this.clientBody = clientBody;
        this.details = new BasicEntityDetails(declaredLength, null);
    }

    EntityDetails details() {
        return details;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        subscription = newSubscription;
        newSubscription.request(WINDOW);
    }

    @Override
    public void onNext(ByteBuffer chunk) {
        synchronized (this) {
            pending.add(chunk);
        }
        wake();
    }

    @Override
    public void onError(Throwable cause) {
        failure = cause;
        wake();
    }

    @Override
    public void onComplete() {
        complete = true;
        wake();
    }

    /** Bytes ready to write; 1 once the end or a failure is known, so HttpCore calls produce to learn it. */
    int available() {
        if (failure != null || complete) {
            return 1;
        }
        synchronized (this) {
            int sum = 0;
            for (ByteBuffer chunk : pending) {
                sum += chunk.remaining();
            }
            return sum;
        }
    }

    /** Called by HttpCore whenever the connection can take bytes; the first call starts the upload. */
    void produce(DataStreamChannel output) throws IOException {
        if (streamEnded) {
            return; // a wake-up that raced the end: the body is complete on the wire
        }
        if (channel == null) {
            channel = output;
            clientBody.subscribe(this);
        }
        Throwable failed = failure;
        if (failed != null) {
            // Ends the exchange; BackendFailure finds the cause (413 for a body over the limit).
            throw new IOException("request body failed", failed);
        }
        int written = 0;
        boolean ended = false;
        synchronized (this) {
            while (!pending.isEmpty()) {
                ByteBuffer chunk = pending.peek();
                output.write(chunk);
                if (chunk.hasRemaining()) {
                    break;
                }
                pending.remove();
                written++;
            }
            if (pending.isEmpty() && complete) {
                ended = true;
            }
        }
        if (ended) {
            streamEnded = true;
            output.endStream();
        }
        Flow.Subscription current = subscription;
        if (written > 0 && current != null) {
            current.request(written);
        }
    }

    /** Whether the whole body is on the wire, so the connection is at a message boundary. */
    boolean fullySent() {
        return streamEnded;
    }

    void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    private void wake() {
        DataStreamChannel current = channel;
        if (current != null) {
            current.requestOutput();
        }
    }
}
