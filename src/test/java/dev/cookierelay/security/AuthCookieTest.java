package dev.cookierelay.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthCookieTest {

    private static final String NAME = "auth_token";
    private static final int MAX = 64;

    private static Optional<String> token(String... cookieLines) {
        return AuthCookie.token(List.of(cookieLines), NAME, MAX);
    }

    @Test
    void readsTheOnlyCookie() {
        assertThat(token("auth_token=abc.def-ghi")).contains("abc.def-ghi");
    }

    @Test
    void readsTheCookieAmongOthers() {
        assertThat(token("theme=dark; auth_token=tok; lang=en")).contains("tok");
    }

    @Test
    void noCookieHeaderMeansNoToken() {
        assertThat(token()).isEmpty();
    }

    @Test
    void otherCookiesOnlyMeanNoToken() {
        assertThat(token("theme=dark; lang=en")).isEmpty();
    }

    @Test
    void firstCookieOfTheNameWins() {
        assertThat(token("auth_token=first; auth_token=second")).contains("first");
    }

    @Test
    void firstCookieOfTheNameWinsAcrossSeveralCookieLines() {
        assertThat(token("theme=dark", "auth_token=first", "auth_token=second")).contains("first");
    }

    @Test
    void findsTheCookieInALaterCookieLine() {
        assertThat(token("theme=dark; lang=en", "auth_token=tok")).contains("tok");
    }

    @Test
    void toleratesMissingOrExtraSpacesAroundSemicolons() {
        assertThat(token("theme=dark;auth_token=tok")).contains("tok");
        assertThat(token("theme=dark ;   auth_token=tok  ; lang=en")).contains("tok");
        assertThat(token("\tauth_token=tok\t")).contains("tok");
    }

    @Test
    void unquotesAQuotedValue() {
        assertThat(token("auth_token=\"tok\"")).contains("tok");
    }

    @Test
    void keepsEqualsSignsInTheValue() {
        assertThat(token("auth_token=eyJhbGciOi==.x=")).contains("eyJhbGciOi==.x=");
    }

    @Test
    void emptyValueIsNoToken() {
        assertThat(token("auth_token=")).isEmpty();
        assertThat(token("auth_token=   ")).isEmpty();
        assertThat(token("auth_token=\"\"")).isEmpty();
    }

    @Test
    void emptyFirstCookieIsNotReplacedByALaterOne() {
        assertThat(token("auth_token=; auth_token=second")).isEmpty();
    }

    @Test
    void valueOfExactlyMaxLengthIsAToken() {
        String value = "a".repeat(MAX);
        assertThat(token("auth_token=" + value)).contains(value);
    }

    @Test
    void valueOverMaxLengthIsNoToken() {
        assertThat(token("auth_token=" + "a".repeat(MAX + 1))).isEmpty();
    }

    @Test
    void quotesDoNotCountTowardsMaxLength() {
        String value = "a".repeat(MAX);
        assertThat(token("auth_token=\"" + value + "\"")).contains(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"to ken", "to,ken", "to\\ken", "to\"ken", "tok\u00e9n", "tok\u20acn", "to\u0000ken",
            "to\tken", "tok\u007f", "\"tok", "tok\"", "\"", "\"to\"ken\""})
    void valueWithCharactersOutsideCookieOctetsIsNoToken(String value) {
        assertThat(token("auth_token=" + value)).isEmpty();
    }

    @Test
    void everyCookieOctetIsAccepted() {
        StringBuilder octets = new StringBuilder();
        for (char c = 0x21; c <= 0x7e; c++) {
            if (c != '"' && c != ',' && c != ';' && c != '\\') {
                octets.append(c);
            }
        }
        assertThat(AuthCookie.token(List.of("auth_token=" + octets), NAME, 200)).contains(octets.toString());
    }

    @Test
    void cookieWhoseNameEndsWithTheNameDoesNotMatch() {
        assertThat(token("xauth_token=evil")).isEmpty();
        assertThat(token("my_auth_token=evil; auth_token=tok")).contains("tok");
    }

    @Test
    void cookieWhoseNameStartsWithTheNameDoesNotMatch() {
        assertThat(token("auth_token2=evil")).isEmpty();
    }

    @Test
    void cookieNamesAreCaseSensitive() {
        assertThat(token("AUTH_TOKEN=evil")).isEmpty();
    }

    @Test
    void valueContainingTheNameIsNotMistakenForTheCookie() {
        assertThat(token("other=auth_token=evil")).isEmpty();
    }

    @Test
    void pairWithoutEqualsIsSkipped() {
        assertThat(token("auth_token; auth_token=tok")).contains("tok");
    }
}
