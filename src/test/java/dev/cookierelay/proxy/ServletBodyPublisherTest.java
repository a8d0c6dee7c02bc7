package dev.cookierelay.proxy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The upload publisher, driven on the calling thread (a direct executor) so every step is deterministic. */
class ServletBodyPublisherTest {

    private final AtomicInteger fullySent = new AtomicInteger();
    private final List<Runnable> queuedPumps = new ArrayList<>();
    private final Executor direct = Runnable::run;

    private RecordingSubscriber subscribed(InputStream clientBody, long maxBytes, Executor workers) {
        RecordingSubscriber subscriber = new RecordingSubscriber();
        new ServletBodyPublisher(clientBody, maxBytes, workers, fullySent::incrementAndGet).subscribe(subscriber);
        return subscriber;
    }

    private RecordingSubscriber subscribed(InputStream clientBody, long maxBytes) {
        return subscribed(clientBody, maxBytes, direct);
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(UTF_8));
    }

    @Test
    void bytesArriveExactlyOnceAndInOrder() {
        InputStream clientBody = new SequenceInputStream(body("{\"a\":"), body("12345678901234567890}"));
        RecordingSubscriber subscriber = subscribed(clientBody, 1_000);

        subscriber.request(Long.MAX_VALUE);

        assertThat(subscriber.bytes.toString(UTF_8)).isEqualTo("{\"a\":12345678901234567890}");
        assertThat(subscriber.signals).startsWith("subscribe").endsWith("complete");
        assertThat(subscriber.violations).isEmpty();
        assertThat(fullySent).hasValue(1);
    }

    @Test
    void binaryBodyLargerThanOneChunkArrivesByteExactInBoundedChunks() {
        byte[] body = new byte[100_000];
        new Random(42).nextBytes(body);
        RecordingSubscriber subscriber = subscribed(new ByteArrayInputStream(body), body.length);

        subscriber.request(Long.MAX_VALUE);

        assertThat(subscriber.bytes.toByteArray()).isEqualTo(body);
        assertThat(subscriber.chunkSizes).hasSizeGreaterThan(1).allMatch(size -> size > 0 && size <= 16 * 1024);
        assertThat(subscriber.violations).isEmpty();
    }

    @Test
    void readsNothingBeforeTheFirstRequest() {
        CountingStream clientBody = new CountingStream(body("waiting"));
        RecordingSubscriber subscriber = subscribed(clientBody, 1_000);

        assertThat(subscriber.signals).containsExactly("subscribe");
        assertThat(clientBody.reads).isZero();
    }

    @Test
    void neverSendsMoreChunksThanRequested() {
        byte[] body = new byte[40 * 1024];
        RecordingSubscriber subscriber = subscribed(new ByteArrayInputStream(body), body.length);

        subscriber.request(1);
        assertThat(subscriber.chunkSizes).hasSize(1);

        subscriber.request(1);
        assertThat(subscriber.chunkSizes).hasSize(2);
        assertThat(subscriber.signals).doesNotContain("complete");
        assertThat(subscriber.violations).isEmpty();
    }

    @Test
    void emptyBodyCompletesWithoutAnyChunk() {
        RecordingSubscriber subscriber = subscribed(body(""), 1_000);

        subscriber.request(1);

        assertThat(subscriber.signals).containsExactly("subscribe", "complete");
        assertThat(fullySent).hasValue(1);
    }

    @Test
    void bodyOfExactlyMaxBytesIsSent() {
        RecordingSubscriber subscriber = subscribed(body("12345"), 5);

        subscriber.request(Long.MAX_VALUE);

        assertThat(subscriber.bytes.toString(UTF_8)).isEqualTo("12345");
        assertThat(subscriber.signals).endsWith("complete");
    }

    @Test
    void bodyOverMaxBytesFailsWithRequestBodyTooLargeAndMapsTo413() {
        RecordingSubscriber subscriber = subscribed(body("123456"), 5);

        subscriber.request(Long.MAX_VALUE);

        assertThat(subscriber.error).isInstanceOf(RequestBodyTooLargeException.class);
        assertThat(BackendFailure.of(subscriber.error).status()).isEqualTo(413);
        assertThat(subscriber.signals).doesNotContain("complete");
        assertThat(fullySent).hasValue(0);
    }

    @Test
    void secondSubscriberGetsAnErrorAndTheFirstIsUnaffected() {
        ServletBodyPublisher publisher = new ServletBodyPublisher(body("once"), 100, direct, fullySent::incrementAndGet);
        RecordingSubscriber first = new RecordingSubscriber();
        RecordingSubscriber second = new RecordingSubscriber();
        publisher.subscribe(first);
        publisher.subscribe(second);

        first.request(Long.MAX_VALUE);

        assertThat(second.signals).containsExactly("subscribe", "error");
        assertThat(second.error).hasMessageContaining("cannot be sent twice");
        assertThat(first.bytes.toString(UTF_8)).isEqualTo("once");
    }

    @Test
    void cancelStopsReading() {
        CountingStream clientBody = new CountingStream(new ByteArrayInputStream(new byte[100_000]));
        RecordingSubscriber subscriber = subscribed(clientBody, 1_000_000);
        subscriber.request(1);
        int readsBeforeCancel = clientBody.reads;

        subscriber.cancel();
        subscriber.request(5);

        assertThat(clientBody.reads).isEqualTo(readsBeforeCancel);
        assertThat(subscriber.signals).doesNotContain("complete", "error");
    }

    @Test
    void nonPositiveRequestIsAnError() {
        RecordingSubscriber subscriber = subscribed(body("x"), 100);

        subscriber.request(0);

        assertThat(subscriber.error).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failingReadFailsTheBody() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("client reset the connection");
            }
        };
        RecordingSubscriber subscriber = subscribed(broken, 100);

        subscriber.request(1);

        assertThat(subscriber.signals).containsExactly("subscribe", "error");
        assertThat(BackendFailure.of(subscriber.error).status()).isEqualTo(502);
    }

    @Test
    void readsOnTheWorkerNotOnTheRequestingThread() {
        CountingStream clientBody = new CountingStream(body("later"));
        RecordingSubscriber subscriber = subscribed(clientBody, 100, queuedPumps::add);

        subscriber.request(Long.MAX_VALUE);
        assertThat(clientBody.reads).as("nothing read on the HTTP client's thread").isZero();

        while (!queuedPumps.isEmpty()) {
            queuedPumps.remove(0).run();
        }
        assertThat(subscriber.bytes.toString(UTF_8)).isEqualTo("later");
        assertThat(subscriber.signals).endsWith("complete");
    }

    @Test
    void oneWorkerAtATimeWhateverTheNumberOfRequests() {
        RecordingSubscriber subscriber = subscribed(new ByteArrayInputStream(new byte[50_000]), 100_000, queuedPumps::add);

        subscriber.request(1);
        subscriber.request(1);
        subscriber.request(1);

        assertThat(queuedPumps).hasSize(1);
        queuedPumps.remove(0).run();
        assertThat(subscriber.chunkSizes).hasSize(3);
    }

    /** Counts reads, to prove when the publisher touches the client's stream. */
    private static final class CountingStream extends InputStream {
        private final InputStream delegate;
        int reads;

        CountingStream(InputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            reads++;
            return delegate.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            reads++;
            return delegate.read(buffer, offset, length);
        }
    }
}
