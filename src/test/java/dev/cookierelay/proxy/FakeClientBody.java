package dev.cookierelay.proxy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A non-blocking servlet request body driven by the test: bytes "arrive" in packets, and the listener is
 * called the way a container calls it (onDataAvailable only after isReady() said false). Each read returns
 * at most one packet; reading while not ready is counted, as containers throw for it.
 */
final class FakeClientBody extends ServletInputStream {

    private final Deque<byte[]> arrived = new ArrayDeque<>();
    private ReadListener listener;
    private boolean ended;
    private boolean waitingForData;
    private IOException readFailure;
    private Throwable failOnListen;
    int readsWhileNotReady;
    int reads;

    void arrive(byte[]... packets) {
        for (byte[] packet : packets) {
            arrived.add(packet.clone());
        }
        if (listener != null && waitingForData) {
            waitingForData = false;
            notify(listener::onDataAvailable);
        }
    }

    void end() {
        ended = true;
        if (listener != null && arrived.isEmpty()) {
            notify(listener::onAllDataRead);
        }
    }

    void failReadsWith(IOException failure) {
        readFailure = failure;
    }

    /** The container reports a broken upload at once, on its own thread, before subscribe() has returned. */
    void failWhenListenerIsSet(Throwable failure) {
        failOnListen = failure;
    }

    /** The container's callbacks declare IOException; a publisher that lets one escape fails the test. */
    private static void notify(Callback callback) {
        try {
            callback.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Callback {
        void run() throws IOException;
    }

    ReadListener listener() {
        return listener;
    }

    @Override
    public boolean isFinished() {
        return ended && arrived.isEmpty();
    }

    @Override
    public boolean isReady() {
        if (!arrived.isEmpty() || readFailure != null) {
            return true;
        }
        waitingForData = !ended;
        return ended;
    }

    @Override
    public void setReadListener(ReadListener readListener) {
        if (listener != null) {
            throw new IllegalStateException("read listener set twice");
        }
        listener = readListener;
        if (failOnListen != null) {
            listener.onError(failOnListen);
        } else if (!arrived.isEmpty()) {
            notify(listener::onDataAvailable);
        } else if (ended) {
            notify(listener::onAllDataRead);
        } else {
            waitingForData = true;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int count = read(one, 0, 1);
        return count < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        reads++;
        if (readFailure != null) {
            throw readFailure;
        }
        if (arrived.isEmpty()) {
            if (ended) {
                return -1;
            }
            readsWhileNotReady++;
            throw new IllegalStateException("read while not ready");
        }
        byte[] packet = arrived.poll();
        int count = Math.min(length, packet.length);
        System.arraycopy(packet, 0, buffer, offset, count);
        if (count < packet.length) {
            arrived.addFirst(Arrays.copyOfRange(packet, count, packet.length));
        }
        return count;
    }
}
