package dev.cookierelay.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerKeysTest {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.dGVzdC11c2Vy.c2lnbmF0dXJl";

    @Test
    void keyIsAHashThatContainsNoPartOfTheToken() {
        String key = CallerKeys.caller("proxy", TOKEN);

        assertThat(key).startsWith("proxy|c|").hasSize("proxy|c|".length() + 22);
        for (String part : TOKEN.split("\\.")) {
            assertThat(key).doesNotContain(part);
        }
    }

    @Test
    void sameTokenAndRouteGiveTheSameKey() {
        assertThat(CallerKeys.caller("proxy", TOKEN)).isEqualTo(CallerKeys.caller("proxy", TOKEN));
    }

    @Test
    void keyIsTheFirst128BitsOfSha256InBase64url() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223 b00361a396177a9cb410ff61f20015ad
        assertThat(CallerKeys.caller("proxy", "abc")).isEqualTo("proxy|c|ungWv48Bz-pBQUDeXa4iIw");
    }

    @Test
    void differentTokensOrRoutesGiveDifferentKeys() {
        assertThat(CallerKeys.caller("proxy", TOKEN)).isNotEqualTo(CallerKeys.caller("proxy", TOKEN + "x"));
        assertThat(CallerKeys.caller("proxy", TOKEN)).isNotEqualTo(CallerKeys.caller("chat", TOKEN));
    }

    @Test
    void addressKeyIsTheRouteAndTheNetworkBytes() {
        assertThat(CallerKeys.address("proxy", new byte[] {(byte) 192, 0, 2, 1})).isEqualTo("proxy|a|wAACAQ");
    }
}
