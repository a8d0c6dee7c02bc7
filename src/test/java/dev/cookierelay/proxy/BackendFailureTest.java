package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BackendFailureTest {

    @Test
    void responseTimeoutIsAGatewayTimeout() {
        assertThat(BackendFailure.of(new HttpTimeoutException("request timed out")))
                .isEqualTo(new BackendFailure(504, "Backend timed out"));
    }

    @Test
    void connectTimeoutIsAGatewayTimeout() {
        assertThat(BackendFailure.of(new HttpConnectTimeoutException("HTTP connect timed out")).status()).isEqualTo(504);
    }

    @Test
    void refusedConnectionIsABadGateway() {
        assertThat(BackendFailure.of(new ConnectException("Connection refused")))
                .isEqualTo(new BackendFailure(502, "Backend unreachable"));
    }

    @Test
    void unresolvedHostIsABadGateway() {
        // What the JDK HTTP client throws for an unknown host: a ConnectException caused by this.
        ConnectException connect = new ConnectException();
        connect.initCause(new UnresolvedAddressException());

        assertThat(BackendFailure.of(connect).status()).isEqualTo(502);
        assertThat(BackendFailure.of(new UnresolvedAddressException()).status()).isEqualTo(502);
    }

    @Test
    void aSocketTimeoutIsAGatewayTimeout() {
        assertThat(BackendFailure.of(new SocketTimeoutException("Read timed out")))
                .isEqualTo(new BackendFailure(504, "Backend timed out"));
    }

    @Test
    void anUnknownHostOrNoRouteIsUnreachable() {
        assertThat(BackendFailure.of(new UnknownHostException("backend.invalid")))
                .isEqualTo(new BackendFailure(502, "Backend unreachable"));
        assertThat(BackendFailure.of(new NoRouteToHostException("No route to host")))
                .isEqualTo(new BackendFailure(502, "Backend unreachable"));
    }

    @Test
    void requestBodyTooLargeIsPayloadTooLarge() {
        assertThat(BackendFailure.of(new RequestBodyTooLargeException()))
                .isEqualTo(new BackendFailure(413, "Request body too large"));
    }

    @Test
    void requestBodyTooLargeIsFoundUnderTheHttpClientsOwnWrapping() {
        IOException wrapped = new IOException("stream failed", new RequestBodyTooLargeException());

        assertThat(BackendFailure.of(new CompletionException(wrapped)).status()).isEqualTo(413);
    }

    @Test
    void anyOtherFailureIsABadGateway() {
        assertThat(BackendFailure.of(new IOException("connection reset by backend:8000")))
                .isEqualTo(new BackendFailure(502, "Backend request failed"));
        assertThat(BackendFailure.of(new IllegalStateException("x")).status()).isEqualTo(502);
    }

    static Stream<Throwable> wrappers() {
        HttpTimeoutException timeout = new HttpTimeoutException("t");
        return Stream.of(
                new CompletionException(timeout),
                new ExecutionException(timeout),
                new CompletionException(new ExecutionException(timeout)),
                new CompletionException(new IOException("wrapped", timeout)));
    }

    @ParameterizedTest
    @MethodSource("wrappers")
    void causeIsFoundThroughCompletionAndExecutionWrappers(Throwable wrapped) {
        assertThat(BackendFailure.of(wrapped).status()).isEqualTo(504);
    }

    @Test
    void wrappedConnectFailureIsABadGateway() {
        assertThat(BackendFailure.of(new CompletionException(new ConnectException("refused"))).status()).isEqualTo(502);
    }

    @Test
    void unwrapRemovesOnlyCompletionAndExecutionWrappers() {
        ConnectException cause = new ConnectException();
        IOException io = new IOException(cause);

        assertThat(BackendFailure.unwrap(new CompletionException(new ExecutionException(io)))).isSameAs(io);
        assertThat(BackendFailure.unwrap(io)).isSameAs(io);
        assertThat(BackendFailure.unwrap(new CompletionException(null))).isInstanceOf(CompletionException.class);
    }

    static Stream<Throwable> failures() {
        return Stream.of(
                new HttpTimeoutException("timed out talking to secret-backend.internal:8000"),
                new ConnectException("secret-backend.internal/10.1.2.3:8000 refused"),
                new CompletionException(new IOException("secret-backend.internal reset")),
                new RequestBodyTooLargeException(),
                new RuntimeException("java.lang.NullPointerException at secret-backend.internal"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void messageNamesNoHostClassOrCause(Throwable failure) {
        String message = BackendFailure.of(failure).message();

        assertThat(message).doesNotContain("secret-backend", "10.1.2.3", "Exception", "java.", "8000")
                .matches("[A-Z][a-z ]+");
    }
}
