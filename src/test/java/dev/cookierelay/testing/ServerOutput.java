package dev.cookierelay.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A copy of the managed server's console while it is open: the Payara Micro adapter prints every line
 * the server logs to the test JVM's {@code System.out}, so a test can assert on the server's log.
 */
public final class ServerOutput implements AutoCloseable {

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    private ServerOutput() {
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                copy.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8));
    }

    public static ServerOutput capture() {
        return new ServerOutput();
    }

    public String text() {
        return copy.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
