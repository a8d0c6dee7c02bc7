package dev.cookierelay.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.cookierelay.testing.RecordedRequest;
import dev.cookierelay.testing.RelayDeployment;
import dev.cookierelay.testing.RelayUnderTest;
import dev.cookierelay.testing.StubBackend;
import dev.cookierelay.testing.RelayClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Rate limiting in the server, black-box. Route {@code limited} allows 3 requests per caller per 4 s;
 * route {@code crowded} allows 3 requests per client address per 600 s; 4 event streams per caller (the default).
 * Every test uses its own token, so no test spends another's quota.
 */
class RateLimitIT extends RelayUnderTest {

    private static final int LIMIT = 3;

    private static String newToken() {
        return "it-" + UUID.randomUUID();
    }

    private HttpRequest.Builder as(String token, String path) {
        return HttpRequest.newBuilder(relay.uri(path)).timeout(Duration.ofSeconds(30)).header("Cookie", "auth_token=" + token);
    }

    private List<Integer> statuses(String token, String path, int count) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(relay.send(as(token, path).GET().build()).statusCode());
        }
        return statuses;
    }

    @Test
    void requestOverTheLimitGets429WithStandardHeadersAndNeverReachesTheBackend() throws Exception {
        String token = newToken();
        assertThat(statuses(token, "/api/limited/items", LIMIT)).containsOnly(200);

        HttpResponse<String> refused = relay.sendForString(as(token, "/api/limited/items").GET().build());

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).isEqualTo("{\"error\":\"Too many requests\"}");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 4L);
        assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("\"caller\";q=3;w=4, \"ip\";q=1000;w=4");
        assertThat(refused.headers().firstValue("RateLimit")).hasValueSatisfying(
                v -> assertThat(v).startsWith("\"caller\";r=0;t=" + retryAfter + ", \"ip\";"));
        assertThat(backend.drainRequests(Duration.ofMillis(300))).hasSize(LIMIT);
    }

    @Test
    void relayedBackendResponsesCarryTheRateLimitFields() throws Exception {
        HttpResponse<String> relayed = relay.sendForString(as(newToken(), "/api/limited/items").GET().build());

        assertThat(relayed.statusCode()).isEqualTo(200);
        assertThat(relayed.body()).isEqualTo("{\"ok\":true}");
        assertThat(relayed.headers().firstValue("RateLimit-Policy")).hasValue("\"caller\";q=3;w=4, \"ip\";q=1000;w=4");
        assertThat(relayed.headers().firstValue("RateLimit")).hasValueSatisfying(
                v -> assertThat(v).matches("\"caller\";r=2;t=[1-4], \"ip\";r=\\d+;t=[0-4]"));
    }

    @Test
    void anotherCallerIsUnaffected() throws Exception {
        String exhausted = newToken();
        assertThat(statuses(exhausted, "/api/limited/items", LIMIT + 1)).endsWith(429);

        HttpResponse<byte[]> other = relay.send(as(newToken(), "/api/limited/items").GET().build());

        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void spoofedForwardedForDoesNotEscapeTheAddressLimit() throws Exception {
        for (int i = 0; i < LIMIT; i++) { // rotating fresh tokens: each caller is new, the address is not
            assertThat(relay.send(as(newToken(), "/api/crowded/x").GET().build()).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> spoofed = relay.sendForString(as(newToken(), "/api/crowded/x")
                .header("X-Forwarded-For", "203.0.113.77").GET().build());

        assertThat(spoofed.statusCode()).isEqualTo(429);
        assertThat(spoofed.headers().firstValue("RateLimit")).hasValueSatisfying(v -> assertThat(v).startsWith("\"ip\";r=0;"));
        assertThat(backend.drainRequests(Duration.ofMillis(300))).hasSize(LIMIT);
    }

    @Test
    void formPostUnderTheLimitArrivesByteExact() throws Exception {
        byte[] form = "b=2&a=1&a=%20x+y&empty=&caf%C3%A9=%E2%82%AC".getBytes(StandardCharsets.US_ASCII);

        HttpResponse<byte[]> response = relay.send(as(newToken(), "/api/limited/form")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form)).build());

        assertThat(response.statusCode()).isEqualTo(200);
        RecordedRequest received = backend.takeRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.header("Content-Type")).containsExactly("application/x-www-form-urlencoded");
        assertThat(received.body()).isEqualTo(form);
    }

    @Test
    void quotaComesBackAfterThePeriod() throws Exception {
        String token = newToken();
        statuses(token, "/api/limited/items", LIMIT);
        HttpResponse<byte[]> refused = relay.send(as(token, "/api/limited/items").GET().build());
        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());

        Thread.sleep(TimeUnit.SECONDS.toMillis(retryAfter) + 100);

        assertThat(statuses(token, "/api/limited/items", LIMIT + 1)).containsExactly(200, 200, 200, 429);
    }

    @Test
    void eventStreamsPastTheCallersCapAreRefusedUntilOneCloses() throws Exception {
        CountDownLatch endStreams = new CountDownLatch(1);
        backend.on("/base/events", (request, exchange) -> holdEventStream(exchange, endStreams));
        String token = newToken();
        List<InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                HttpResponse<InputStream> stream = relay.http().send(eventStream(token), HttpResponse.BodyHandlers.ofInputStream());
                assertThat(stream.statusCode()).isEqualTo(200);
                assertThat(new String(stream.body().readNBytes(9), StandardCharsets.US_ASCII)).isEqualTo("data: hi\n");
                open.add(stream.body());
            }

            HttpResponse<String> fifth = relay.sendForString(eventStream(token));
            assertThat(fifth.statusCode()).isEqualTo(429);
            assertThat(fifth.headers().firstValue("RateLimit-Policy")).hasValue("\"streams\";q=4;qu=\"concurrency\"");
            assertThat(fifth.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(relay.send(as(token, "/api/proxy/short").GET().build()).statusCode())
                    .as("short requests are not counted as streams").isEqualTo(200);
        } finally {
            endStreams.countDown();
            for (InputStream stream : open) {
                stream.readAllBytes();
                stream.close();
            }
        }
        assertThat(eventuallyAdmitted(token)).isTrue();
    }

    private HttpRequest eventStream(String token) {
        return as(token, "/api/proxy/events").header("Accept", "text/event-stream").GET().build();
    }

    private boolean eventuallyAdmitted(String token) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            if (relay.send(eventStream(token)).statusCode() == 200) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static void holdEventStream(HttpExchange exchange, CountDownLatch end) throws java.io.IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("data: hi\n\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (end.getCount() > 0) {
                end.await(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
