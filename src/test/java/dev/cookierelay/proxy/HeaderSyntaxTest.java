package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What HttpCore would write unchecked: the relay forwards a header line only if it is one line of RFC 9110. */
class HeaderSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"Accept", "x-request-id", "X_Custom.1", "!#$%&'*+-.^_`|~", "0"})
    void tokensAreFieldNames(String name) {
        assertThat(HeaderSyntax.isFieldName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bad Name", "Colon:", "Tab\tName", "Line\nBreak", "Quote\"", "Brace{", "Ümlaut", "Semi;"})
    void anythingElseIsNoFieldName(String name) {
        assertThat(HeaderSyntax.isFieldName(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/html; q=0.9", "a\tb", "  spaced  ", "~!@#$%^&*()[]{}\"'<>?/\\|", "caf\u00e9 \u00ff\u0080"})
    void visibleTextSpacesTabsAndObsTextAreFieldValues(String value) {
        assertThat(HeaderSyntax.isFieldValue(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nInjected: yes", "a\nb", "a\rb", "nul\u0000", "del\u007f", "bell\u0007", "wide\u0100", "emoji\ud83d\ude00"})
    void controlsLineBreaksAndCharactersBeyondOneByteAreRefused(String value) {
        assertThat(HeaderSyntax.isFieldValue(value)).isFalse();
    }

    @Test
    void everyByteValueFromSpaceToTildeIsAllowedInAValue() {
        StringBuilder all = new StringBuilder();
        for (char c = 0x20; c < 0x7F; c++) {
            all.append(c);
        }
        assertThat(HeaderSyntax.isFieldValue(all.toString())).isTrue();
    }
}
