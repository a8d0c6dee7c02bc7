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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

    @Test
    void stoppingReadsTheRestOfTheBodyToItsEndHandsNothingMoreOnAndCompletesOnce() throws IOException {
        // A backend that answered early: like nginx, the relay discards the rest of the upload, so the
        // server sees a finished request and keeps the client's connection.
        CountingStream clientBody = new CountingStream(new ByteArrayInputStream(new byte[100_000]));
        ServletBodyPublisher publisher = new ServletBodyPublisher(clientBody, 1_000_000, direct, fullySent::incrementAndGet);
        RecordingSubscriber subscriber = new RecordingSubscriber();
        publisher.subscribe(subscriber);
        subscriber.request(1);
        AtomicInteger completions = new AtomicInteger();

        publisher.stopThen(completions::incrementAndGet);
        publisher.stopThen(completions::incrementAndGet);
        subscriber.request(5);

        assertThat(completions).hasValue(1);
        assertThat(subscriber.chunkSizes).hasSize(1);
        assertThat(subscriber.signals).doesNotContain("complete", "error");
        assertThat(clientBody.remaining()).as("read to the end").isZero();
    }

    @Test
    void theDiscardingStopsAtTheRoutesLimit() throws IOException {
        CountingStream clientBody = new CountingStream(new ByteArrayInputStream(new byte[1_000_000]));
        ServletBodyPublisher publisher = new ServletBodyPublisher(clientBody, 50_000, direct, fullySent::incrementAndGet);
        publisher.subscribe(new RecordingSubscriber());
        AtomicInteger completions = new AtomicInteger();

        publisher.stopThen(completions::incrementAndGet);

        assertThat(completions).hasValue(1);
        assertThat(1_000_000 - clientBody.remaining()).isBetween(50_001, 50_000 + 16 * 1024);
    }

    @Test
    void stoppingAfterTheWholeBodyWasReadCompletesAtOnce() {
        CountingStream clientBody = new CountingStream(body("all of it"));
        ServletBodyPublisher publisher = new ServletBodyPublisher(clientBody, 100, queuedPumps::add, fullySent::incrementAndGet);
        RecordingSubscriber subscriber = new RecordingSubscriber();
        publisher.subscribe(subscriber);
        subscriber.request(Long.MAX_VALUE);
        queuedPumps.remove(0).run();
        int readsBeforeStop = clientBody.reads;
        AtomicInteger completions = new AtomicInteger();

        publisher.stopThen(completions::incrementAndGet);

        assertThat(completions).hasValue(1);
        assertThat(queuedPumps).isEmpty();
        assertThat(clientBody.reads).isEqualTo(readsBeforeStop);
    }

    @Test
    void stoppingDuringABlockedReadCompletesOnlyAfterThatReadReturned() throws Exception {
        // The server recycles a completed request: completing while a read is blocked in it would let that
        // read fail or take the next request's bytes.
        CountDownLatch readEntered = new CountDownLatch(1);
        CountDownLatch releaseRead = new CountDownLatch(1);
        InputStream slowClient = new InputStream() {
            private boolean sentByte;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                readEntered.countDown();
                try {
                    releaseRead.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                if (sentByte) {
                    return -1;
                }
                sentByte = true;
                buffer[offset] = 'x';
                return 1;
            }
        };
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            ServletBodyPublisher publisher = new ServletBodyPublisher(slowClient, 100, worker, fullySent::incrementAndGet);
            RecordingSubscriber subscriber = new RecordingSubscriber();
            publisher.subscribe(subscriber);
            subscriber.request(1);
            assertThat(readEntered.await(5, TimeUnit.SECONDS)).isTrue();
            CountDownLatch completed = new CountDownLatch(1);

            publisher.stopThen(completed::countDown);
            assertThat(completed.await(200, TimeUnit.MILLISECONDS)).as("not completed while the read is blocked").isFalse();

            releaseRead.countDown();
            assertThat(completed.await(5, TimeUnit.SECONDS)).isTrue();
            worker.submit(() -> { }).get(5, TimeUnit.SECONDS);
            assertThat(subscriber.chunkSizes).as("what the read returned after the stop belongs to nobody").isEmpty();
            assertThat(subscriber.signals).containsExactly("subscribe");
        } finally {
            worker.shutdownNow();
        }
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

        int remaining() throws IOException {
            return delegate.available();
        }
    }
}
