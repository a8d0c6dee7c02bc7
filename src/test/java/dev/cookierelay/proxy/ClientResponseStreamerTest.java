package dev.cookierelay.proxy;

import static dev.cookierelay.proxy.ClientResponseStreamer.WINDOW;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class ClientResponseStreamerTest {

    private final List<String> events = new ArrayList<>();
    private final FakeClientOutput clientBody = new FakeClientOutput(events);
    private final RecordingOutcome outcome = new RecordingOutcome();
    private final ClientResponseStreamer streamer = new ClientResponseStreamer(clientBody, outcome);

    private void subscribe() {
        streamer.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                events.add("request " + n);
            }

            @Override
            public void cancel() {
                events.add("cancel");
            }
        });
    }

    private static List<ByteBuffer> chunk(String... parts) {
        List<ByteBuffer> buffers = new ArrayList<>();
        for (String part : parts) {
            buffers.add(ByteBuffer.wrap(part.getBytes(UTF_8)));
        }
        return buffers;
    }

    /** Chunks asked for in all, over every request(n). */
    private long requested() {
        return events.stream().filter(e -> e.startsWith("request ")).mapToLong(e -> Long.parseLong(e.substring(8))).sum();
    }

    @Test
    void asksForAWindowOfChunksOnceSubscribed() {
        subscribe();

        assertThat(events).containsExactly("request " + WINDOW);
    }

    @Test
    void writesEachChunkAsItArrivesRefillsTheWindowAndFlushesWhenNothingIsLeft() {
        subscribe();

        streamer.onNext(chunk("data: 1\n\n"));
        streamer.onNext(chunk("data: 2\n\n"));

        assertThat(events).containsExactly("request " + WINDOW, "write data: 1\n\n", "request 1", "flush",
                "write data: 2\n\n", "request 1", "flush");
    }

    @Test
    void writesEveryBufferOfAChunkInOrderBeforeOneFlush() {
        subscribe();

        streamer.onNext(chunk("a", "b", "c"));

        assertThat(events).containsExactly("request " + WINDOW, "write a", "request 1", "write b", "write c", "flush");
    }

    @Test
    void chunksThatArriveWhileTheClientIsBusyLeaveUnderOneFlush() {
        clientBody.slowClient();
        subscribe();
        streamer.onNext(chunk("a"));
        streamer.onNext(chunk("b"));
        streamer.onNext(chunk("c"));

        clientBody.becomeReady();
        clientBody.becomeReady();
        clientBody.becomeReady();

        assertThat(events).filteredOn(e -> !e.startsWith("request"))
                .containsExactly("write a", "write b", "write c", "flush");
    }

    @Test
    void bytesReachTheClientExactlyOnceAndInOrder() {
        subscribe();
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }

        // A plain buffer, a slice (its array starts before its data) and a read-only one (no array to lend).
        streamer.onNext(List.of(ByteBuffer.wrap(binary, 0, 100)));
        streamer.onNext(List.of(ByteBuffer.wrap(binary).position(100).limit(200).slice()));
        streamer.onNext(List.of(ByteBuffer.wrap(binary, 200, 56).asReadOnlyBuffer()));
        streamer.onComplete();

        assertThat(clientBody.received.toByteArray()).isEqualTo(binary);
    }

    @Test
    void completesAfterEverythingIsWrittenAndFlushed() {
        subscribe();
        streamer.onNext(chunk("body"));

        streamer.onComplete();

        assertThat(events).containsExactly("request " + WINDOW, "write body", "request 1", "flush");
        assertThat(outcome.calls).containsExactly("completed");
    }

    @Test
    void emptyBodyCompletesWithoutWriting() {
        subscribe();

        streamer.onComplete();

        assertThat(clientBody.received.size()).isZero();
        assertThat(outcome.calls).containsExactly("completed");
    }

    @Test
    void neverWritesWhileTheClientIsNotReady() {
        clientBody.slowClient();
        subscribe();

        streamer.onNext(chunk("a", "b"));
        assertThat(events).containsExactly("request " + WINDOW, "write a", "request 1");

        clientBody.becomeReady();
        assertThat(events).containsExactly("request " + WINDOW, "write a", "request 1", "write b");

        clientBody.becomeReady();
        assertThat(events).containsExactly("request " + WINDOW, "write a", "request 1", "write b", "flush");
        assertThat(clientBody.writesWhileNotReady).isZero();
        assertThat(clientBody.flushesWhileNotReady).isZero();
    }

    @Test
    void aSlowClientHoldsBackFurtherRequests() {
        clientBody.slowClient();
        subscribe();

        for (int i = 0; i < WINDOW; i++) {
            streamer.onNext(chunk("chunk " + i)); // all the backend was asked for; the client takes only the first
        }
        assertThat(events).filteredOn(e -> e.startsWith("write")).containsExactly("write chunk 0");
        assertThat(requested()).isEqualTo(WINDOW + 1);

        clientBody.becomeReady();
        assertThat(events).filteredOn(e -> e.startsWith("write")).containsExactly("write chunk 0", "write chunk 1");
        assertThat(requested()).isEqualTo(WINDOW + 2);
    }

    @Test
    void waitsForTheClientBeforeRequestingTheFirstChunk() {
        clientBody.notReady();
        subscribe();
        assertThat(events).isEmpty();

        clientBody.becomeReady();
        assertThat(events).containsExactly("request " + WINDOW);
    }

    @Test
    void asksForNoMoreThanTheWindowWhileNothingArrives() {
        subscribe();

        for (int i = 0; i < 3; i++) {
            clientBody.notReady();
            clientBody.isReady();
            clientBody.becomeReady(); // spurious onWritePossible with nothing to write
        }

        assertThat(events).containsExactly("request " + WINDOW);
    }

    @Test
    void completionWaitsForPendingBytes() {
        clientBody.slowClient();
        subscribe();
        streamer.onNext(chunk("a", "b"));

        streamer.onComplete();
        assertThat(outcome.calls).isEmpty();

        clientBody.becomeReady();
        clientBody.becomeReady();
        assertThat(clientBody.received.toString(UTF_8)).isEqualTo("ab");
        assertThat(outcome.calls).containsExactly("completed");
    }

    @Test
    void backendFailureIsReportedAfterTheBytesAlreadyReceived() {
        subscribe();
        streamer.onNext(chunk("partial"));
        IOException broken = new IOException("backend reset");

        streamer.onError(broken);

        assertThat(clientBody.received.toString(UTF_8)).isEqualTo("partial");
        assertThat(outcome.calls).containsExactly("backendFailed");
        assertThat(outcome.failure).isSameAs(broken);
    }

    @Test
    void failedClientWriteStopsAndCancelsTheBackend() {
        subscribe();
        IOException gone = new IOException("Broken pipe");
        clientBody.failWritesWith(gone);

        streamer.onNext(chunk("event"));
        streamer.onNext(chunk("more"));
        streamer.onComplete();

        assertThat(events).containsExactly("request " + WINDOW, "cancel");
        assertThat(outcome.calls).containsExactly("clientGone");
        assertThat(outcome.failure).isSameAs(gone);
    }

    @Test
    void containerReportedWriteErrorStopsAndCancelsTheBackend() throws IOException {
        clientBody.slowClient();
        subscribe();
        streamer.onNext(chunk("a", "b"));
        IOException gone = new IOException("connection closed");

        clientBody.listener().onError(gone);
        clientBody.becomeReady();

        assertThat(events).containsExactly("request " + WINDOW, "write a", "request 1", "cancel");
        assertThat(outcome.calls).containsExactly("clientGone");
        assertThat(outcome.failure).isSameAs(gone);
    }

    @Test
    void clientLeavingCancelsTheBackendEvenWhenIdle() {
        subscribe();
        IOException gone = new IOException("client disconnected");

        streamer.clientLeft(gone);

        assertThat(events).containsExactly("request " + WINDOW, "cancel");
        assertThat(outcome.calls).containsExactly("clientGone");
    }

    @Test
    void abandonedStreamCancelsTheBackendAsAnIdleTimeout() {
        subscribe();
        streamer.onNext(chunk("x"));

        streamer.abandon();

        assertThat(events).endsWith("cancel");
        assertThat(outcome.calls).containsExactly("backendFailed");
        assertThat(outcome.failure).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void endsOnlyOnceWhateverHappensAfterwards() {
        subscribe();
        streamer.onComplete();

        streamer.clientLeft(new IOException("late"));
        streamer.abandon();
        streamer.onNext(chunk("late"));
        streamer.onError(new IOException("late"));

        assertThat(outcome.calls).containsExactly("completed");
        assertThat(events).containsExactly("request " + WINDOW);
    }

    @Test
    void canStillAnswerOnlyWhileTheClientCanTakeBytes() {
        assertThat(streamer.canStillAnswer()).isTrue();
        clientBody.notReady();
        assertThat(streamer.canStillAnswer()).isFalse();
    }

    /** Records which ending the streamer reported. */
    private static final class RecordingOutcome implements ClientResponseStreamer.Outcome {
        final List<String> calls = new ArrayList<>();
        Throwable failure;

        @Override
        public void completed() {
            calls.add("completed");
        }

        @Override
        public void backendFailed(Throwable cause) {
            calls.add("backendFailed");
            failure = cause;
        }

        @Override
        public void clientGone(Throwable cause) {
            calls.add("clientGone");
            failure = cause;
        }
    }

    @Test
    void anOutcomeThatThrowsIsNotReportedAgainAsAClientFailure() {
        ClientResponseStreamer.Outcome throwing = new ClientResponseStreamer.Outcome() {
            @Override
            public void completed() {
                events.add("completed");
                throw new IllegalStateException("async context already completed");
            }

            @Override
            public void backendFailed(Throwable failure) {
                events.add("backendFailed");
            }

            @Override
            public void clientGone(Throwable failure) {
                events.add("clientGone");
            }
        };
        ClientResponseStreamer ending = new ClientResponseStreamer(clientBody, throwing);
        ending.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
                events.add("cancel");
            }
        });

        ending.onComplete();
        ending.onError(new IOException("late"));

        assertThat(events).containsOnlyOnce("completed").doesNotContain("clientGone", "backendFailed", "cancel");
    }
}
