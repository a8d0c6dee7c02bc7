package dev.cookierelay.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cookierelay.proxy.RelayRejection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequestTargetPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"/..", "/../x", "/a/../x", "/.", "/./x", "/%2e%2e/x", "/%2E%2E/x", "/.%2e/x", "/%2e./x",
            "/..;/x", "/..;a=b/x", "/.;/x", "/a%2F..%2Fb", "/a%2f%2e%2e", "/..%3B/x", "/..%3bx/y", "/%2e%2e%3b/x"})
    void refusesDotSegmentsHoweverSpelled(String rawPath) {
        assertRejected(rawPath, "Dot segments are not allowed in the path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%5Cb", "/%5c%5cevil.example/x", "/a\\b"})
    void refusesBackslashesRawOrEncoded(String rawPath) {
        assertThatThrownBy(() -> RequestTargetPolicy.safePath(rawPath)).isInstanceOf(RelayRejection.class)
                .satisfies(e -> assertThat(((RelayRejection) e).status()).isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%00b", "/a%0Ab", "/a%0d%0aSet-Cookie:x", "/a%7F", "/a\u0000b", "/a b", "/a\tb", "/caf\u00e9"})
    void refusesControlsAndNonAsciiRawOrEncoded(String rawPath) {
        assertThatThrownBy(() -> RequestTargetPolicy.safePath(rawPath)).isInstanceOf(RelayRejection.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%zz", "/a%", "/a%2", "/%g0"})
    void refusesInvalidPercentEncoding(String rawPath) {
        assertRejected(rawPath, "Invalid percent-encoding in the path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/a/b", "/%252e%252e/x", "/a%2Fb", "/%2F%2Fevil.example/x", "//evil.example/x",
            "/http://evil.example/x", "/@evil.example", "/items;v=1/x", "/a!$&'()*+,;=:@~-._", "/%C3%A9%20%2B",
            "/...", "/..a", "/a..", "/.well-known"})
    void forwardsLegalPathsUntouched(String rawPath) {
        assertThat(RequestTargetPolicy.safePath(rawPath)).isEqualTo(rawPath);
    }

    @Test
    void encodesCharactersBrowsersLeaveRaw() {
        assertThat(RequestTargetPolicy.safePath("/a|b{c}\"")).isEqualTo("/a%7Cb%7Bc%7D%22");
    }

    @Test
    void neverDecodesTwice() {
        // %252e is "%2e" after one decoding: a literal percent sign, not a dot.
        assertThat(RequestTargetPolicy.safePath("/%252e%252e/%252F")).isEqualTo("/%252e%252e/%252F");
    }

    @Test
    void keepsQueryExactlyAndRefusesBrokenQuery() {
        assertThat(RequestTargetPolicy.safeQuery("tag=a&tag=b&empty=&x=%2B")).isEqualTo("tag=a&tag=b&empty=&x=%2B");
        assertThat(RequestTargetPolicy.safeQuery(null)).isNull();
        assertThatThrownBy(() -> RequestTargetPolicy.safeQuery("a=%zz")).isInstanceOf(RelayRejection.class);
        assertThatThrownBy(() -> RequestTargetPolicy.safeQuery("a=%00")).isInstanceOf(RelayRejection.class);
        assertThatThrownBy(() -> RequestTargetPolicy.safeQuery("a=b#frag")).isInstanceOf(RelayRejection.class);
    }

    private static void assertRejected(String rawPath, String message) {
        assertThatThrownBy(() -> RequestTargetPolicy.safePath(rawPath)).isInstanceOf(RelayRejection.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((RelayRejection) e).status()).isEqualTo(400));
    }
}
