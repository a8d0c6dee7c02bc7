package dev.cookierelay.proxy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/** A body subscriber that records every signal and checks the Reactive Streams rules a publisher must keep. */
final class RecordingSubscriber implements Flow.Subscriber<ByteBuffer> {

    final List<String> signals = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Integer> chunkSizes = new ArrayList<>();
    private Flow.Subscription subscription;
    private long requested;
    private final long initialRequest;
    private boolean terminated;
    Throwable error;

    RecordingSubscriber() {
        this(0);
    }

    /** @param initialRequest how many chunks to request from inside onSubscribe, as the JDK HTTP client does */
    RecordingSubscriber(long initialRequest) {
        this.initialRequest = initialRequest;
    }

    void request(long n) {
        requested = n == Long.MAX_VALUE || requested + n < 0 ? Long.MAX_VALUE : requested + n;
        subscription.request(n);
    }

    void cancel() {
        subscription.cancel();
    }

    long outstanding() {
        return requested;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        if (subscription != null) {
            violations.add("onSubscribe twice");
        }
        if (!signals.isEmpty()) {
            violations.add("onSubscribe after " + signals);
        }
        signals.add("subscribe");
        subscription = newSubscription;
        if (initialRequest > 0) {
            request(initialRequest);
        }
    }

    @Override
    public void onNext(ByteBuffer item) {
        check("onNext");
        if (requested <= 0) {
            violations.add("onNext beyond demand");
        } else if (requested != Long.MAX_VALUE) {
            requested--;
        }
        signals.add("next");
        chunkSizes.add(item.remaining());
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        bytes.writeBytes(chunk);
    }

    @Override
    public void onError(Throwable failure) {
        check("onError");
        terminated = true;
        error = failure;
        signals.add("error");
    }

    @Override
    public void onComplete() {
        check("onComplete");
        terminated = true;
        signals.add("complete");
    }

    private void check(String signal) {
        if (subscription == null) {
            violations.add(signal + " before onSubscribe");
        }
        if (terminated) {
            violations.add(signal + " after a terminal signal");
        }
    }
}
