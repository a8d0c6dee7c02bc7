package dev.cookierelay.proxy;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A non-blocking servlet response body driven by the test. It logs writes and flushes into a shared event
 * list; the test decides when the client is ready, and onWritePossible follows only an isReady() that said
 * false, as containers do. Writing or flushing while not ready is counted (containers throw for it).
 */
final class FakeClientOutput extends ServletOutputStream {

    private final List<String> events;
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private WriteListener listener;
    private boolean ready = true;
    private boolean readyAfterWrite = true;
    private boolean waitingForReady;
    private IOException writeFailure;
    int writesWhileNotReady;
    int flushesWhileNotReady;

    FakeClientOutput(List<String> events) {
        this.events = events;
    }

    /** A slow client: after each write the container must wait for it again. */
    void slowClient() {
        readyAfterWrite = false;
    }

    void notReady() {
        ready = false;
    }

    void becomeReady() {
        ready = true;
        if (listener != null && waitingForReady) {
            waitingForReady = false;
            try {
                listener.onWritePossible();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void failWritesWith(IOException failure) {
        writeFailure = failure;
    }

    WriteListener listener() {
        return listener;
    }

    @Override
    public boolean isReady() {
        if (!ready) {
            waitingForReady = true;
        }
        return ready;
    }

    @Override
    public void setWriteListener(WriteListener writeListener) {
        listener = writeListener;
        // Containers call onWritePossible once the listener is set and the response can take bytes.
        if (ready) {
            try {
                listener.onWritePossible();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (!ready) {
            writesWhileNotReady++;
        }
        if (writeFailure != null) {
            throw writeFailure;
        }
        received.write(bytes, offset, length);
        events.add("write " + new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
        ready = readyAfterWrite;
    }

    @Override
    public void flush() throws IOException {
        if (!ready) {
            flushesWhileNotReady++;
        }
        if (writeFailure != null) {
            throw writeFailure;
        }
        events.add("flush");
    }
}
