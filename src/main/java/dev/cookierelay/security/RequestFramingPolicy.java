package dev.cookierelay.security;

import dev.cookierelay.proxy.RelayRejection;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Refuses requests whose framing or target host is ambiguous, so the relay and the backend can never
 * disagree on where a request ends (request smuggling) or which host it is for. Payara's Grizzly already
 * refuses some of these itself; the rules hold on any server.
 */
public final class RequestFramingPolicy {

    private RequestFramingPolicy() {
    }

    /** @param hostLines, transferEncodingLines, contentLengthLines the raw header lines of each name */
    public static Optional<RelayRejection> rejection(List<String> hostLines, List<String> transferEncodingLines,
                                                     List<String> contentLengthLines) {
        // RFC 9112 §3.2: more than one Host → 400.
        if (hostLines.size() > 1) {
            return Optional.of(new RelayRejection(400, "Multiple Host headers"));
        }
        // RFC 9112 §6.1: both may be a smuggling attempt; a server may reject it, and the relay does.
        if (!transferEncodingLines.isEmpty() && !contentLengthLines.isEmpty()) {
            return Optional.of(new RelayRejection(400, "Both Transfer-Encoding and Content-Length"));
        }
        // RFC 9110 §8.6: differing Content-Length values make the length unknowable.
        if (contentLengthLines.stream().flatMap(line -> Arrays.stream(line.split(","))).map(String::trim)
                .distinct().count() > 1) {
            return Optional.of(new RelayRejection(400, "Conflicting Content-Length headers"));
        }
        if (transferEncodingLines.isEmpty()) {
            return Optional.empty();
        }
        List<String> codings = transferEncodingLines.stream().flatMap(line -> Arrays.stream(line.split(",")))
                .map(String::trim).filter(coding -> !coding.isEmpty()).toList();
        if (codings.size() == 1 && codings.get(0).equalsIgnoreCase("chunked")) {
            return Optional.empty();
        }
        // RFC 9112 §6.3: chunked not last → length unknown → 400; other codings are not understood → 501
        // (forwarding them would strip a coding the body still carries).
        boolean chunkedLast = !codings.isEmpty() && codings.get(codings.size() - 1).equalsIgnoreCase("chunked");
        return Optional.of(chunkedLast
                ? new RelayRejection(501, "Unsupported transfer coding")
                : new RelayRejection(400, "Invalid Transfer-Encoding"));
    }
}
