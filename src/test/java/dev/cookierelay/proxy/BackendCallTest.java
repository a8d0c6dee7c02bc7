package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BackendCall against a real HTTP/1.1 server on loopback: what the listener and the body subscriber see. */
class BackendCallTest {

    private HttpServer backend;
    private BackendClients clients;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/small", exchange -> {
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.createContext("/big", exchange -> {
            byte[] body = new byte[1 << 20];
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) i;
            }
            exchange.sendResponseHeaders(200, 0); // chunked
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        base = URI.create("http://127.0.0.1:" + backend.getAddress().getPort());
        clients = new BackendClients();
        clients.start();
    }

    @AfterEach
    void stop() {
        clients.stop();
        backend.stop(0);
    }

    @Test
    void smallBodyArrivesWhole() throws Exception {
        Collected got = call("/small");
        assertThat(got.body.get(5, TimeUnit.SECONDS)).isEqualTo("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
        assertThat(got.status).isEqualTo(200);
    }

    @Test
    void chunkedMegabyteArrivesWhole() throws Exception {
        Collected got = call("/big");
        byte[] body = got.body.get(10, TimeUnit.SECONDS);
        assertThat(body).hasSize(1 << 20);
        assertThat(body[12345]).isEqualTo((byte) 12345);
    }

    @Test
    void connectionIsReusedForTheNextCall() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(call("/small").body.get(5, TimeUnit.SECONDS)).hasSize(11);
        }
    }

    private Collected call(String path) {
        Collected collected = new Collected();
        BasicHttpRequest request = new BasicHttpRequest(Method.GET.name(), BackendRequests.host(base), path);
        new BackendCall(request, null, collected).start(clients.requester(), BackendRequests.host(base));
        return collected;
    }

    /** Requests one chunk at a time, as a slow client would, and keeps what arrives. */
    private static final class Collected implements BackendCall.Listener, Flow.Subscriber<List<ByteBuffer>> {
        volatile int status;
        final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public Flow.Subscriber<List<ByteBuffer>> headersArrived(HttpResponse response) {
            status = response.getCode();
            return this;
        }

        @Override
        public void failedBeforeHeaders(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public synchronized void onNext(List<ByteBuffer> chunks) {
            for (ByteBuffer chunk : chunks) {
                byte[] b = new byte[chunk.remaining()];
                chunk.get(b);
                bytes.writeBytes(b);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public synchronized void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
