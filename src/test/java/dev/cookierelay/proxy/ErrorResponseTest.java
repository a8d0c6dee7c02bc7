package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorResponseTest {

    @Test
    void plainTextIsUnchanged() {
        assertThat(ErrorResponse.jsonEscape("Not authenticated")).isEqualTo("Not authenticated");
    }

    @Test
    void escapesQuotesAndBackslashes() {
        assertThat(ErrorResponse.jsonEscape("say \"hi\" \\o/")).isEqualTo("say \\\"hi\\\" \\\\o/");
    }

    @Test
    void escapesEveryControlCharacter() {
        assertThat(ErrorResponse.jsonEscape("a\nb\tc\rd\u0000e\u001f")).isEqualTo("a\\u000ab\\u0009c\\u000dd\\u0000e\\u001f");
    }

    @Test
    void leavesNonAsciiAndSlashAsTheyAre() {
        assertThat(ErrorResponse.jsonEscape("caf\u00e9 \u20ac / \u2028")).isEqualTo("caf\u00e9 \u20ac / \u2028");
    }

    @Test
    void emptyStaysEmpty() {
        assertThat(ErrorResponse.jsonEscape("")).isEmpty();
    }

    @Test
    void escapedTextCannotCloseTheJsonString() {
        String escaped = ErrorResponse.jsonEscape("x\"}, \"admin\": true, \"y\":\"");

        assertThat(escaped.replace("\\\"", "")).doesNotContain("\"");
    }
}
