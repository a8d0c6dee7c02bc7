package dev.cookierelay.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.proxy.RelayRejection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestFramingPolicyTest {

    private static Optional<Integer> status(List<String> host, List<String> te, List<String> cl) {
        return RequestFramingPolicy.rejection(host, te, cl).map(RelayRejection::status);
    }

    @Test
    void passesOrdinaryFraming() {
        assertThat(status(List.of("a"), List.of(), List.of("5"))).isEmpty();
        assertThat(status(List.of("a"), List.of("chunked"), List.of())).isEmpty();
        assertThat(status(List.of("a"), List.of("Chunked"), List.of())).isEmpty();
        assertThat(status(List.of(), List.of(), List.of())).isEmpty();
    }

    @Test
    void refusesTwoHostHeaders() {
        assertThat(status(List.of("a", "b"), List.of(), List.of())).contains(400);
    }

    @Test
    void refusesTransferEncodingWithContentLength() {
        assertThat(status(List.of("a"), List.of("chunked"), List.of("3"))).contains(400);
    }

    @Test
    void refusesConflictingContentLengths() {
        assertThat(status(List.of("a"), List.of(), List.of("3", "5"))).contains(400);
        assertThat(status(List.of("a"), List.of(), List.of("3, 5"))).contains(400);
        assertThat(status(List.of("a"), List.of(), List.of("5", "5"))).isEmpty();
    }

    @Test
    void refusesCodingsOtherThanChunked() {
        assertThat(status(List.of("a"), List.of("gzip"), List.of())).contains(400);
        assertThat(status(List.of("a"), List.of("xchunked"), List.of())).contains(400);
        assertThat(status(List.of("a"), List.of("chunked", "gzip"), List.of())).contains(400);
        assertThat(status(List.of("a"), List.of("gzip, chunked"), List.of())).contains(501);
    }
}
