package dev.cookierelay.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthCookieValueTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.dGVzdA.c2ln-_~!#$%&'()*+/:<=>?@[]^`{|}";

    @Test
    void readsTokenMadeOfCookieOctets() {
        assertThat(AuthCookie.token(List.of("a=1; auth_token=" + JWT + "; b=2"), "auth_token", 8192)).contains(JWT);
    }

    @Test
    void unquotesQuotedValue() {
        assertThat(AuthCookie.token(List.of("auth_token=\"abc\""), "auth_token", 8192)).contains("abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a,b", "a\\b", "a\"b", "caf\u00e9", "a\u0000b", "a\tb", "\"\"", ""})
    void treatsValueOutsideCookieOctetsAsNoToken(String value) {
        assertThat(AuthCookie.token(List.of("auth_token=" + value), "auth_token", 8192)).isEmpty();
    }

    @Test
    void acceptsTokenAtMaximumLengthAndRefusesOneLonger() {
        assertThat(AuthCookie.token(List.of("auth_token=" + "a".repeat(8192)), "auth_token", 8192)).isPresent();
        assertThat(AuthCookie.token(List.of("auth_token=" + "a".repeat(8193)), "auth_token", 8192)).isEmpty();
    }

    @Test
    void matchesTheCookieNameExactly() {
        assertThat(AuthCookie.token(List.of("xauth_token=a; Auth_Token=b"), "auth_token", 8192)).isEmpty();
        assertThat(AuthCookie.token(List.of("other=1", "auth_token=t"), "auth_token", 8192)).contains("t");
    }

    @Test
    void usesTheFirstCookieOfThatName() {
        assertThat(AuthCookie.token(List.of("auth_token=first; auth_token=second"), "auth_token", 8192)).contains("first");
    }
}
