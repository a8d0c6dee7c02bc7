package dev.cookierelay.proxy;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.junit.jupiter.api.Test;

/** The upload's hand-over to HttpCore, driven by hand: a fake client body and a fake connection. */
class RequestBodyProducerTest {

    private final FakeClientBody clientBody = new FakeClientBody();
    private final FakeConnection connection = new FakeConnection();
    private final RequestBodyProducer producer = new RequestBodyProducer(clientBody, 11);

    @Test
    void readsNothingUntilTheConnectionCanTakeBytesThenAsksForAWindowOfFourChunks() throws IOException {
        assertThat(clientBody.subscriber).isNull();

        producer.produce(connection);

        assertThat(clientBody.subscriber).isSameAs(producer);
        assertThat(clientBody.requested).containsExactly(4L);
        assertThat(producer.details().getContentLength()).isEqualTo(11);
    }

    @Test
    void writesChunksInOrderAndAsksForOneMoreForEachFullyWrittenChunk() throws IOException {
        producer.produce(connection);
        producer.onNext(ascii("hello "));
        producer.onNext(ascii("world"));
        assertThat(connection.wakeUps).isEqualTo(2);

        producer.produce(connection);

        assertThat(connection.written.toString(US_ASCII)).isEqualTo("hello world");
        assertThat(clientBody.requested).containsExactly(4L, 2L);
        assertThat(connection.ended).isZero();
    }

    @Test
    void aPartialWriteKeepsTheRestForTheNextTurnAndAsksForNothingMore() throws IOException {
        producer.produce(connection);
        producer.onNext(ascii("abcdefgh"));
        connection.acceptAtMost = 3;

        producer.produce(connection);
        assertThat(connection.written.toString(US_ASCII)).isEqualTo("abc");
        assertThat(producer.available()).isEqualTo(5);
        assertThat(clientBody.requested).containsExactly(4L);

        connection.acceptAtMost = Integer.MAX_VALUE;
        producer.produce(connection);
        assertThat(connection.written.toString(US_ASCII)).isEqualTo("abcdefgh");
        assertThat(clientBody.requested).containsExactly(4L, 1L);
    }

    @Test
    void endsTheStreamOnceAfterTheLastChunkAndIgnoresLateWakeUps() throws IOException {
        producer.produce(connection);
        producer.onNext(ascii("last"));
        producer.onComplete();
        assertThat(producer.fullySent()).isFalse();

        producer.produce(connection);
        producer.produce(connection);

        assertThat(connection.written.toString(US_ASCII)).isEqualTo("last");
        assertThat(connection.ended).isEqualTo(1);
        assertThat(producer.fullySent()).isTrue();
    }

    @Test
    void aBodyThatEndsWhileChunksWaitEndsOnlyAfterTheyAreWritten() throws IOException {
        producer.produce(connection);
        producer.onNext(ascii("abcdef"));
        producer.onComplete();
        connection.acceptAtMost = 2;

        producer.produce(connection);
        assertThat(connection.ended).isZero();
        assertThat(producer.fullySent()).isFalse();

        connection.acceptAtMost = Integer.MAX_VALUE;
        producer.produce(connection);
        assertThat(connection.written.toString(US_ASCII)).isEqualTo("abcdef");
        assertThat(connection.ended).isEqualTo(1);
    }

    @Test
    void aFailedClientBodyFailsTheExchangeWithItsCause() throws IOException {
        producer.produce(connection);
        RequestBodyTooLargeException tooLarge = new RequestBodyTooLargeException();

        producer.onError(tooLarge);

        assertThat(producer.available()).isEqualTo(1); // so HttpCore calls produce and learns of it
        assertThatThrownBy(() -> producer.produce(connection)).isInstanceOf(IOException.class).hasCause(tooLarge);
        assertThat(BackendFailure.of(new IOException("request body failed", tooLarge)).status()).isEqualTo(413);
        assertThat(connection.ended).isZero();
    }

    @Test
    void cancellingStopsTheClientBody() throws IOException {
        producer.produce(connection);

        producer.cancel();

        assertThat(clientBody.cancelled).isTrue();
    }

    @Test
    void cancellingBeforeTheUploadStartedIsHarmless() {
        producer.cancel();

        assertThat(clientBody.subscriber).isNull();
        assertThat(clientBody.cancelled).isFalse();
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(US_ASCII));
    }

    private static final class FakeClientBody implements Flow.Publisher<ByteBuffer>, Flow.Subscription {
        Flow.Subscriber<? super ByteBuffer> subscriber;
        final List<Long> requested = new ArrayList<>();
        boolean cancelled;

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> newSubscriber) {
            subscriber = newSubscriber;
            newSubscriber.onSubscribe(this);
        }

        @Override
        public void request(long n) {
            requested.add(n);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private static final class FakeConnection implements DataStreamChannel {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        int acceptAtMost = Integer.MAX_VALUE;
        int wakeUps;
        int ended;

        @Override
        public void requestOutput() {
            wakeUps++;
        }

        @Override
        public int write(ByteBuffer src) {
            int count = Math.min(src.remaining(), acceptAtMost);
            byte[] bytes = new byte[count];
            src.get(bytes);
            written.writeBytes(bytes);
            acceptAtMost -= count;
            return count;
        }

        @Override
        public void endStream(List<? extends Header> trailers) {
            ended++;
        }

        @Override
        public void endStream() {
            ended++;
        }
    }
}
