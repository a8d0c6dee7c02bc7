package dev.cookierelay.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCookieTest {

    @Test
    void signInSetsHttpOnlyStrictCookieForWholeSite() {
        assertThat(DemoCookie.signIn("auth_token", "tok-1"))
                .isEqualTo("auth_token=tok-1; HttpOnly; SameSite=Strict; Path=/");
    }

    @Test
    void signOutExpiresTheSameCookieAtOnce() {
        assertThat(DemoCookie.signOut("auth_token"))
                .isEqualTo("auth_token=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    }
}
