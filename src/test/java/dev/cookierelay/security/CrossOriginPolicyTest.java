package dev.cookierelay.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.security.SecuritySettings.CsrfMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrossOriginPolicyTest {

    private static final String OWN = "https://relay.example";

    private static CrossOriginPolicy policy(CsrfMode mode, boolean allMethods, String... trusted) {
        return new CrossOriginPolicy(new SecuritySettings(mode, allMethods, "X-CSRF", "1", Set.of(trusted)));
    }

    private static Optional<String> check(CrossOriginPolicy policy, String method, String... headerPairs) {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i].toLowerCase(), headerPairs[i + 1]);
        }
        return policy.rejection(method, OWN, name -> headers.get(name.toLowerCase()));
    }

    private final CrossOriginPolicy origin = policy(CsrfMode.ORIGIN, false, "https://app.example");

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void refusesUnsafeMethodFromCrossSite(String method) {
        assertThat(check(origin, method, "Sec-Fetch-Site", "cross-site")).contains("Cross-origin request refused");
    }

    @Test
    void refusesSameSiteButOtherOrigin() {
        assertThat(check(origin, "POST", "Sec-Fetch-Site", "same-site", "Origin", "https://sub.relay.example")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"same-origin", "none", "Same-Origin"})
    void passesBrowserAttestedSameOriginOrUserNavigation(String site) {
        assertThat(check(origin, "POST", "Sec-Fetch-Site", site, "Origin", "https://evil.example")).isEmpty();
    }

    @Test
    void passesCrossSiteFromTrustedOrigin() {
        assertThat(check(origin, "POST", "Sec-Fetch-Site", "cross-site", "Origin", "https://app.example")).isEmpty();
    }

    @Test
    void fallsBackToOriginWhenSecFetchSiteIsAbsent() {
        assertThat(check(origin, "POST", "Origin", "https://evil.example")).isPresent();
        assertThat(check(origin, "POST", "Origin", "https://relay.example")).isEmpty();
        assertThat(check(origin, "POST", "Origin", "HTTPS://Relay.Example:443")).isEmpty();
        assertThat(check(origin, "POST", "Origin", "https://app.example")).isEmpty();
    }

    @Test
    void refusesOriginThatDiffersOnlyInSchemeOrPort() {
        assertThat(check(origin, "POST", "Origin", "http://relay.example")).isPresent();
        assertThat(check(origin, "POST", "Origin", "https://relay.example:8443")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "not a url", "https://relay.example/path", "file://relay.example"})
    void refusesOpaqueOrMalformedOrigin(String value) {
        assertThat(check(origin, "POST", "Origin", value)).isPresent();
    }

    @Test
    void passesNonBrowserRequestWithNeitherHeader() {
        assertThat(check(origin, "DELETE")).isEmpty();
    }

    @Test
    void leavesSafeMethodsAloneByDefault() {
        assertThat(check(origin, "GET", "Sec-Fetch-Site", "cross-site")).isEmpty();
    }

    @Test
    void checksSafeMethodsWhenAllMethodsIsSet() {
        assertThat(check(policy(CsrfMode.ORIGIN, true), "GET", "Sec-Fetch-Site", "cross-site")).isPresent();
    }

    @Test
    void offModeChecksNothing() {
        assertThat(check(policy(CsrfMode.OFF, true), "POST", "Sec-Fetch-Site", "cross-site")).isEmpty();
    }

    @Test
    void strictModeRequiresTheHeaderOnEveryMethod() {
        CrossOriginPolicy strict = policy(CsrfMode.STRICT, false);
        assertThat(check(strict, "GET")).contains("Missing X-CSRF header");
        assertThat(check(strict, "GET", "X-CSRF", "0")).contains("Missing X-CSRF header");
        assertThat(check(strict, "GET", "X-CSRF", "1")).isEmpty();
        assertThat(check(strict, "POST", "X-CSRF", "1", "Sec-Fetch-Site", "same-origin")).isEmpty();
    }

    @Test
    void strictModeStillRefusesCrossSiteEvenWithTheHeader() {
        assertThat(check(policy(CsrfMode.STRICT, false), "GET", "X-CSRF", "1", "Sec-Fetch-Site", "cross-site"))
                .contains("Cross-origin request refused");
    }

    @Test
    void strictModeLetsSameOriginEventSourceThroughWithoutTheHeader() {
        CrossOriginPolicy strict = policy(CsrfMode.STRICT, false);
        assertThat(check(strict, "GET", "Accept", "text/event-stream", "Sec-Fetch-Site", "same-origin")).isEmpty();
        // Without the browser's attestation an Accept header proves nothing.
        assertThat(check(strict, "GET", "Accept", "text/event-stream")).isPresent();
        assertThat(check(strict, "POST", "Accept", "text/event-stream", "Sec-Fetch-Site", "same-origin")).isPresent();
    }

    @Test
    void strictModeLetsTrustedOriginEventSourceThrough() {
        assertThat(check(policy(CsrfMode.STRICT, false, "https://app.example"), "GET", "Accept", "text/event-stream",
                "Sec-Fetch-Site", "cross-site", "Origin", "https://app.example")).isEmpty();
    }
}
