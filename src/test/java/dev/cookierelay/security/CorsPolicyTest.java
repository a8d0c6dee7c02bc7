package dev.cookierelay.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.security.SecuritySettings.CsrfMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    private static CorsPolicy cors(String... trusted) {
        return new CorsPolicy(new SecuritySettings(CsrfMode.ORIGIN, false, "X-CSRF", "1", Set.of(trusted)));
    }

    @Test
    void grantsPreflightToTrustedOriginWithCredentialsAndEchoedOrigin() {
        List<Map.Entry<String, String>> headers = cors("https://app.example")
                .preflight("https://app.example", "PUT", "content-type, x-csrf").orElseThrow();

        assertThat(headers).contains(Map.entry("Access-Control-Allow-Origin", "https://app.example"),
                Map.entry("Access-Control-Allow-Credentials", "true"),
                Map.entry("Access-Control-Allow-Headers", "content-type, x-csrf"));
        assertThat(headers).anyMatch(h -> h.getKey().equals("Vary") && h.getValue().contains("Origin"));
    }

    @Test
    void refusesPreflightFromUntrustedOrigin() {
        assertThat(cors("https://app.example").preflight("https://evil.example", "POST", null)).isEmpty();
    }

    @Test
    void refusesPreflightForUnknownMethod() {
        assertThat(cors("https://app.example").preflight("https://app.example", "TRACE", null)).isEmpty();
    }

    @Test
    void doesNotEchoMalformedRequestedHeaders() {
        assertThat(cors("https://app.example").preflight("https://app.example", "POST", "x-a\r\nSet-Cookie: a=b")
                .orElseThrow()).noneMatch(h -> h.getKey().equals("Access-Control-Allow-Headers"));
    }

    @Test
    void addsNothingWhenNoOriginIsTrusted() {
        assertThat(cors().responseHeaders("https://app.example")).isEmpty();
    }

    @Test
    void addsOnlyVaryForUntrustedOrigin() {
        assertThat(cors("https://app.example").responseHeaders("https://evil.example"))
                .containsExactly(Map.entry("Vary", "Origin"));
    }

    @Test
    void grantsActualRequestFromTrustedOrigin() {
        assertThat(cors("https://app.example").responseHeaders("https://app.example")).containsExactly(
                Map.entry("Access-Control-Allow-Origin", "https://app.example"),
                Map.entry("Access-Control-Allow-Credentials", "true"), Map.entry("Vary", "Origin"));
    }

    @Test
    void recognisesPreflightOnlyWithOriginAndRequestMethod() {
        assertThat(CorsPolicy.isPreflight("OPTIONS", "https://a.example", "POST")).isTrue();
        assertThat(CorsPolicy.isPreflight("OPTIONS", null, "POST")).isFalse();
        assertThat(CorsPolicy.isPreflight("OPTIONS", "https://a.example", null)).isFalse();
        assertThat(CorsPolicy.isPreflight("POST", "https://a.example", "POST")).isFalse();
    }
}
