package dev.cookierelay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cookierelay.testing.ShippedSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsSourceTest {

    private static final String KEY = "SOME_KEY";

    private static SettingsSource only(String value) {
        return SettingsSource.of(Map.of(KEY, value));
    }

    private static SettingsSource empty() {
        return SettingsSource.of(Map.of());
    }

    @Test
    void shippedDefaultsFileIsOnTheClasspathWithEveryDocumentedKey() {
        assertThat(ShippedSettings.defaults()).containsKeys(
                "BACKEND_URL", "AUTH_COOKIE_NAME", "RELAY_ROUTES", "BACKEND_TIMEOUT_SECONDS",
                "BACKEND_CONNECT_TIMEOUT_SECONDS", "BACKEND_IDLE_TIMEOUT_SECONDS", "RELAY_MAX_REQUEST_BYTES",
                "AUTH_COOKIE_MAX_LENGTH");
    }

    @Test
    void everyShippedKeyIsUpperCaseAndAValidEnvironmentVariableName() {
        assertThat(ShippedSettings.defaults().keySet()).allMatch(key -> key.matches("[A-Z][A-Z0-9_]*"));
    }

    @Test
    void shippedDefaultsMatchTheDocumentedValues() {
        SettingsSource shipped = ShippedSettings.with();

        assertThat(shipped.httpUrl("BACKEND_URL")).isEqualTo(URI.create("http://localhost:8000"));
        assertThat(shipped.string("AUTH_COOKIE_NAME")).isEqualTo("auth_token");
        assertThat(shipped.seconds("BACKEND_TIMEOUT_SECONDS", 1, 86_400)).isEqualTo(Duration.ofSeconds(30));
        assertThat(shipped.list("RELAY_ROUTES")).isEmpty();
    }

    @Test
    void stringIsTrimmed() {
        assertThat(only("  value \t").string(KEY)).isEqualTo("value");
    }

    @Test
    void missingKeyIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> empty().string(KEY))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(KEY)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo(KEY);
    }

    @Test
    void blankValueCountsAsMissing() {
        assertThat(only("   ").optional(KEY)).isEmpty();
        assertThatThrownBy(() -> only("   ").string(KEY)).hasMessageContaining(KEY);
    }

    @Test
    void optionalGivesTheTrimmedValueWhenSet() {
        assertThat(only(" x ").optional(KEY)).contains("x");
        assertThat(empty().optional(KEY)).isEmpty();
    }

    @Test
    void readsAWholeNumberInRange() {
        assertThat(only(" 42 ").longInRange(KEY, 0, 100)).isEqualTo(42L);
        assertThat(only("-5").longInRange(KEY, -10, 0)).isEqualTo(-5L);
    }

    @Test
    void acceptsBothRangeBounds() {
        assertThat(only("1").intInRange(KEY, 1, 5)).isEqualTo(1);
        assertThat(only("5").intInRange(KEY, 1, 5)).isEqualTo(5);
        assertThat(only(String.valueOf(Long.MAX_VALUE)).longInRange(KEY, 0, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void rejectsANumberBelowTheRangeNamingKeyAndBounds() {
        assertThatThrownBy(() -> only("0").intInRange(KEY, 1, 5))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(KEY).hasMessageContaining("1").hasMessageContaining("5");
    }

    @Test
    void rejectsANumberAboveTheRange() {
        assertThatThrownBy(() -> only("6").intInRange(KEY, 1, 5))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(KEY);
    }

    @Test
    void rejectsANumberTooBigForALongInsteadOfWrappingIt() {
        assertThatThrownBy(() -> only("9223372036854775808").longInRange(KEY, 0, Long.MAX_VALUE))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "1e3", "0x10", "5s", "1 000"})
    void rejectsWhatIsNotAWholeNumber(String raw) {
        assertThatThrownBy(() -> only(raw).longInRange(KEY, 0, Long.MAX_VALUE))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(KEY).hasMessageContaining("whole number");
    }

    @Test
    void missingNumberIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> empty().intInRange(KEY, 0, 1))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(KEY);
    }

    @Test
    void readsSecondsAsADuration() {
        assertThat(only("90").seconds(KEY, 0, 100)).isEqualTo(Duration.ofSeconds(90));
        assertThat(only("0").seconds(KEY, 0, 100)).isEqualTo(Duration.ZERO);
    }

    @Test
    void secondsOutOfRangeNameTheKey() {
        assertThatThrownBy(() -> only("101").seconds(KEY, 0, 100)).hasMessageContaining(KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", " true "})
    void readsTrueInAnyCase(String raw) {
        assertThat(only(raw).bool(KEY)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "False"})
    void readsFalseInAnyCase(String raw) {
        assertThat(only(raw).bool(KEY)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "1", "0", "on", "truee"})
    void rejectsBooleansOtherThanTrueOrFalse(String raw) {
        assertThatThrownBy(() -> only(raw).bool(KEY))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(KEY);
    }

    @Test
    void missingBooleanIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> empty().bool(KEY)).hasMessageContaining(KEY);
    }

    @Test
    void listSplitsOnCommasAndTrimsEachItem() {
        assertThat(only(" a, b ,c ").list(KEY)).containsExactly("a", "b", "c");
    }

    @Test
    void listSkipsEmptyItems() {
        assertThat(only("a,,b,").list(KEY)).containsExactly("a", "b");
        assertThat(only(" , ").list(KEY)).isEmpty();
    }

    @Test
    void listIsEmptyWhenUnsetOrBlank() {
        assertThat(empty().list(KEY)).isEmpty();
        assertThat(only("").list(KEY)).isEmpty();
    }

    @Test
    void listKeepsOrderAndDuplicates() {
        assertThat(only("b,a,b").list(KEY)).containsExactly("b", "a", "b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://backend:8000", "https://backend", "http://backend:8000/v1",
            "http://backend:8000/v1/", "HTTP://backend", "http://127.0.0.1:9", "http://[::1]:8000/x"})
    void acceptsAbsoluteHttpUrls(String raw) {
        assertThat(only(raw).httpUrl(KEY)).isEqualTo(URI.create(raw));
    }

    @Test
    void httpUrlIsTrimmed() {
        assertThat(only(" http://backend:8000/v1 ").httpUrl(KEY)).isEqualTo(URI.create("http://backend:8000/v1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1", "backend/v1", "//backend:8000"})
    void rejectsAUrlThatIsNotAbsolute(String raw) {
        assertThatThrownBy(() -> only(raw).httpUrl(KEY))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(KEY).hasMessageContaining("absolute");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://backend/", "file:///etc/passwd", "ws://backend", "localhost:8000", "mailto:a@b"})
    void rejectsSchemesOtherThanHttpAndHttps(String raw) {
        assertThatThrownBy(() -> only(raw).httpUrl(KEY))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(KEY).hasMessageContaining("http://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http:///v1", "http:backend", "http://"})
    void rejectsAUrlWithoutAHost(String raw) {
        assertThatThrownBy(() -> only(raw).httpUrl(KEY))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(KEY);
    }

    @Test
    void rejectsAUrlWithoutAHostSayingSo() {
        assertThatThrownBy(() -> only("http:///v1").httpUrl(KEY)).hasMessageContaining("host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://user:s3cr3t@backend:8000", "https://s3cr3t@backend/v1", "http://user:s3cr3t@back_end/"})
    void rejectsUserInfoWithoutEchoingTheSecret(String raw) {
        assertThatThrownBy(() -> only(raw).httpUrl(KEY))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(KEY)
                .hasMessageNotContaining("s3cr3t")
                .hasMessageNotContaining("backend");
    }

    @Test
    void rejectsAMalformedUrlWithoutEchoingIt() {
        assertThatThrownBy(() -> only("http://user:s3 cr3t@backend").httpUrl(KEY))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(KEY)
                .hasMessageNotContaining("s3")
                .hasNoCause();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://backend/v1?x=1", "http://backend?x", "http://backend/v1#top", "http://backend#",
            "http://backend/v1?", "http://backend?", "http://backend/#x", "http://backend/v1?#"})
    void rejectsAQueryOrFragmentIncludingATrailingMarker(String raw) {
        assertThatThrownBy(() -> only(raw).httpUrl(KEY))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(KEY).hasMessageContaining("query or fragment");
    }

    @Test
    void missingUrlIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> empty().httpUrl(KEY))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(KEY);
    }

    @Test
    void staticHttpUrlNamesTheKeyItIsGiven() {
        assertThatThrownBy(() -> SettingsSource.httpUrl("RELAY_ROUTE_X_URL", "ftp://x"))
                .hasMessageContaining("RELAY_ROUTE_X_URL");
    }

    @Test
    void errorMessageStartsWithTheKey() {
        assertThat(new InvalidSettingException(KEY, "is wrong")).hasMessage("Invalid setting SOME_KEY: is wrong");
    }
}
