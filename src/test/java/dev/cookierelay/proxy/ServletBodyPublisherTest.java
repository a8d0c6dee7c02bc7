package dev.cookierelay.proxy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServletBodyPublisherTest {

    private final FakeClientBody clientBody = new FakeClientBody();
    private final AtomicInteger fullySent = new AtomicInteger();

    private ServletBodyPublisher publisher(long maxBytes) {
        return new ServletBodyPublisher(clientBody, maxBytes, fullySent::incrementAndGet);
    }

    private RecordingSubscriber subscribed(long maxBytes) {
        RecordingSubscriber subscriber = new RecordingSubscriber();
        publisher(maxBytes).subscribe(subscriber);
        return subscriber;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    @Test
    void bytesArriveExactlyOnceAndInOrder() {
        RecordingSubscriber subscriber = subscribed(1_000);
        subscriber.request(Long.MAX_VALUE);

        clientBody.arrive(bytes("{\"a\":"), bytes("12345678901234567890"));
        clientBody.arrive(bytes("}"));
        clientBody.end();

        assertThat(subscriber.bytes.toString(UTF_8)).isEqualTo("{\"a\":12345678901234567890}");
        assertThat(subscriber.signals).containsExactly("subscribe", "next", "next", "next", "complete");
        assertThat(subscriber.violations).isEmpty();
        assertThat(fullySent).hasValue(1);
    }

    @Test
    void binaryBodyLargerThanOneChunkArrivesByteExact() {
        byte[] body = new byte[100_000];
        new Random(42).nextBytes(body);
        RecordingSubscriber subscriber = subscribed(body.length);
        subscriber.request(Long.MAX_VALUE);

        clientBody.arrive(body);
        clientBody.end();

        assertThat(subscriber.bytes.toByteArray()).isEqualTo(body);
        assertThat(subscriber.chunkSizes).hasSizeGreaterThan(1).allMatch(size -> size > 0 && size <= 16 * 1024);
        assertThat(subscriber.signals).endsWith("complete");
        assertThat(subscriber.violations).isEmpty();
    }

    @Test
    void readsNothingBeforeTheFirstRequest() {
        RecordingSubscriber subscriber = subscribed(1_000);

        clientBody.arrive(bytes("waiting"));

        assertThat(subscriber.signals).containsExactly("subscribe");
        assertThat(clientBody.reads).isZero();
    }

    @Test
    void neverSendsMoreChunksThanRequested() {
        RecordingSubscriber subscriber = subscribed(1_000);
        clientBody.arrive(bytes("one"), bytes("two"), bytes("three"));

        subscriber.request(1);
        assertThat(subscriber.bytes.toString(UTF_8)).isEqualTo("one");

        subscriber.request(1);
        assertThat(subscriber.bytes.toString(UTF_8)).isEqualTo("onetwo");

        clientBody.end();
        assertThat(subscriber.signals).containsExactly("subscribe", "next", "next");

        subscriber.request(5);
        assertThat(subscriber.bytes.toString(UTF_8)).isEqualTo("onetwothree");
        assertThat(subscriber.signals).containsExactly("subscribe", "next", "next", "next", "complete");
        assertThat(subscriber.violations).isEmpty();
    }

    @Test
    void requestFromInsideOnSubscribeIsServed() {
        clientBody.arrive(bytes("early"));
        RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);
        publisher(1_000).subscribe(subscriber);
        clientBody.end();

        assertThat(subscriber.bytes.toString(UTF_8)).isEqualTo("early");
        assertThat(subscriber.signals).containsExactly("subscribe", "next", "complete");
        assertThat(subscriber.violations).isEmpty();
    }

    @Test
    void neverReadsWhileTheClientBodyIsNotReady() {
        RecordingSubscriber subscriber = subscribed(1_000);
        subscriber.request(Long.MAX_VALUE);

        for (int i = 0; i < 5; i++) {
            clientBody.arrive(bytes("chunk" + i));
        }
        clientBody.end();

        assertThat(clientBody.readsWhileNotReady).isZero();
        assertThat(subscriber.bytes.toString(UTF_8)).isEqualTo("chunk0chunk1chunk2chunk3chunk4");
    }

    @Test
    void emptyBodyCompletesWithoutAnyChunk() {
        RecordingSubscriber subscriber = subscribed(1_000);
        subscriber.request(1);

        clientBody.end();

        assertThat(subscriber.signals).containsExactly("subscribe", "complete");
        assertThat(fullySent).hasValue(1);
    }

    @Test
    void completesOnlyOnceWhateverSignalsFollow() throws IOException {
        RecordingSubscriber subscriber = subscribed(1_000);
        subscriber.request(10);
        clientBody.arrive(bytes("x"));
        clientBody.end();

        clientBody.listener().onAllDataRead();
        clientBody.listener().onDataAvailable();
        subscriber.request(10);

        assertThat(subscriber.signals).containsExactly("subscribe", "next", "complete");
        assertThat(fullySent).hasValue(1);
    }

    @Test
    void bodyOfExactlyMaxBytesIsSent() {
        RecordingSubscriber subscriber = subscribed(10);
        subscriber.request(Long.MAX_VALUE);

        clientBody.arrive(bytes("12345"), bytes("67890"));
        clientBody.end();

        assertThat(subscriber.bytes.toString(UTF_8)).isEqualTo("1234567890");
        assertThat(subscriber.signals).endsWith("complete");
    }

    @Test
    void bodyOverMaxBytesFailsWithRequestBodyTooLarge() {
        RecordingSubscriber subscriber = subscribed(10);
        subscriber.request(Long.MAX_VALUE);

        clientBody.arrive(bytes("12345"), bytes("678901"), bytes("more"));
        clientBody.end();

        assertThat(subscriber.error).isInstanceOf(RequestBodyTooLargeException.class);
        assertThat(subscriber.bytes.toString(UTF_8)).isEqualTo("12345");
        assertThat(subscriber.signals).containsExactly("subscribe", "next", "error");
        assertThat(subscriber.violations).isEmpty();
        assertThat(fullySent).hasValue(0);
    }

    @Test
    void tooLargeBodyMapsTo413() {
        RecordingSubscriber subscriber = subscribed(0);
        subscriber.request(1);

        clientBody.arrive(bytes("x"));

        assertThat(BackendFailure.of(subscriber.error).status()).isEqualTo(413);
    }

    @Test
    void secondSubscriberGetsAnErrorAndTheFirstIsUnaffected() {
        ServletBodyPublisher publisher = publisher(1_000);
        RecordingSubscriber first = new RecordingSubscriber();
        RecordingSubscriber second = new RecordingSubscriber();
        publisher.subscribe(first);

        publisher.subscribe(second);
        first.request(Long.MAX_VALUE);
        clientBody.arrive(bytes("body"));
        clientBody.end();

        assertThat(second.signals).containsExactly("subscribe", "error");
        assertThat(second.error).isInstanceOf(IOException.class);
        assertThat(second.violations).isEmpty();
        assertThat(first.bytes.toString(UTF_8)).isEqualTo("body");
        assertThat(first.signals).containsExactly("subscribe", "next", "complete");
    }

    @Test
    void cancelStopsReadingAndSignalling() {
        RecordingSubscriber subscriber = subscribed(1_000);
        subscriber.request(1);
        clientBody.arrive(bytes("first"));

        subscriber.cancel();
        int readsAtCancel = clientBody.reads;
        subscriber.request(10);
        clientBody.arrive(bytes("second"));
        clientBody.end();

        assertThat(subscriber.signals).containsExactly("subscribe", "next");
        assertThat(clientBody.reads).isEqualTo(readsAtCancel);
        assertThat(fullySent).hasValue(0);
    }

    @Test
    void nonPositiveRequestIsAnError() {
        RecordingSubscriber subscriber = subscribed(1_000);

        subscriber.request(0);

        assertThat(subscriber.error).isInstanceOf(IllegalArgumentException.class);
        assertThat(subscriber.signals).containsExactly("subscribe", "error");
    }

    @Test
    void readFailureReportedByTheContainerFailsTheBody() {
        RecordingSubscriber subscriber = subscribed(1_000);
        subscriber.request(Long.MAX_VALUE);
        clientBody.arrive(bytes("partial"));
        IOException broken = new IOException("client aborted the upload");

        clientBody.listener().onError(broken);

        assertThat(subscriber.error).isSameAs(broken);
        assertThat(subscriber.signals).containsExactly("subscribe", "next", "error");
        assertThat(fullySent).hasValue(0);
    }

    @Test
    void failingReadFailsTheBody() {
        RecordingSubscriber subscriber = subscribed(1_000);
        IOException broken = new IOException("connection reset");
        clientBody.failReadsWith(broken);

        subscriber.request(1);
        clientBody.arrive(bytes("x"));

        assertThat(subscriber.error).isSameAs(broken);
        assertThat(subscriber.signals).containsExactly("subscribe", "error");
        assertThat(subscriber.violations).isEmpty();
    }

    @Test
    void failureReportedWhileSubscribingStillComesAfterOnSubscribe() {
        IOException broken = new IOException("client aborted the upload");
        clientBody.failWhenListenerIsSet(broken);
        RecordingSubscriber subscriber = new RecordingSubscriber();

        publisher(1_000).subscribe(subscriber);

        assertThat(subscriber.violations).isEmpty();
        assertThat(subscriber.signals).containsExactly("subscribe", "error");
        assertThat(subscriber.error).isSameAs(broken);
    }
}
