package dev.cookierelay.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cookierelay.config.InvalidSettingException;
import dev.cookierelay.testing.ShippedSettings;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingSettingsTest {

    private static List<Route> routes(String... overrides) {
        return RoutingSettings.from(ShippedSettings.with(overrides)).table().routes();
    }

    private static Route route(String name, String... overrides) {
        return routes(overrides).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void defaultRouteIsProxyFromBackendUrlAndAuthCookieName() {
        assertThat(routes("BACKEND_URL", "http://api:8000/v1", "AUTH_COOKIE_NAME", "sid"))
                .containsExactly(new Route("proxy", URI.create("http://api:8000/v1"), "sid", 104_857_600L));
    }

    @Test
    void namedRoutesFollowTheDefaultRouteInListedOrder() {
        List<Route> routes = routes("RELAY_ROUTES", "chatkit, files",
                "RELAY_ROUTE_CHATKIT_URL", "http://backend:8000/chatkit",
                "RELAY_ROUTE_FILES_URL", "https://files:9000");

        assertThat(routes).extracting(Route::name).containsExactly("proxy", "chatkit", "files");
        assertThat(routes.get(1).target()).isEqualTo(URI.create("http://backend:8000/chatkit"));
        assertThat(routes.get(2).target()).isEqualTo(URI.create("https://files:9000"));
    }

    @Test
    void namedRouteUsesAuthCookieNameByDefault() {
        assertThat(route("chatkit", "AUTH_COOKIE_NAME", "sid", "RELAY_ROUTES", "chatkit",
                "RELAY_ROUTE_CHATKIT_URL", "http://backend:8000/chatkit").cookieName()).isEqualTo("sid");
    }

    @Test
    void namedRouteCookieCanBeOverridden() {
        Route chatkit = route("chatkit", "RELAY_ROUTES", "chatkit",
                "RELAY_ROUTE_CHATKIT_URL", "http://backend:8000/chatkit",
                "RELAY_ROUTE_CHATKIT_COOKIE", "taskflow_id_token");

        assertThat(chatkit.cookieName()).isEqualTo("taskflow_id_token");
        assertThat(route("proxy", "RELAY_ROUTES", "chatkit",
                "RELAY_ROUTE_CHATKIT_URL", "http://backend:8000/chatkit",
                "RELAY_ROUTE_CHATKIT_COOKIE", "taskflow_id_token").cookieName()).isEqualTo("auth_token");
    }

    @Test
    void blankRouteCookieFallsBackToAuthCookieName() {
        assertThat(route("chatkit", "RELAY_ROUTES", "chatkit", "RELAY_ROUTE_CHATKIT_URL", "http://b",
                "RELAY_ROUTE_CHATKIT_COOKIE", "  ").cookieName()).isEqualTo("auth_token");
    }

    @Test
    void dashInRouteNameBecomesUnderscoreInItsKeys() {
        assertThat(RoutingSettings.routeKeyPrefix("chat-kit")).isEqualTo("RELAY_ROUTE_CHAT_KIT_");
        assertThat(route("chat-kit", "RELAY_ROUTES", "chat-kit", "RELAY_ROUTE_CHAT_KIT_URL", "http://b:1").target())
                .isEqualTo(URI.create("http://b:1"));
    }

    @Test
    void missingRouteUrlNamesItsKey() {
        assertThatThrownBy(() -> routes("RELAY_ROUTES", "chatkit"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("RELAY_ROUTE_CHATKIT_URL")
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo("RELAY_ROUTE_CHATKIT_URL");
    }

    @Test
    void invalidRouteUrlNamesItsKey() {
        assertThatThrownBy(() -> routes("RELAY_ROUTES", "chatkit", "RELAY_ROUTE_CHATKIT_URL", "http://b/x?y=1"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("RELAY_ROUTE_CHATKIT_URL");
    }

    @Test
    void invalidBackendUrlNamesItsKey() {
        assertThatThrownBy(() -> routes("BACKEND_URL", "localhost:8000"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("BACKEND_URL");
    }

    @Test
    void missingBackendUrlNamesItsKey() {
        assertThatThrownBy(() -> routes("BACKEND_URL", ""))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("BACKEND_URL");
    }

    @Test
    void missingAuthCookieNameNamesItsKey() {
        assertThatThrownBy(() -> routes("AUTH_COOKIE_NAME", " "))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("AUTH_COOKIE_NAME");
    }

    @Test
    void routeListedTwiceIsRejected() {
        assertThatThrownBy(() -> routes("RELAY_ROUTES", "chatkit,chatkit", "RELAY_ROUTE_CHATKIT_URL", "http://b"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("RELAY_ROUTES");
    }

    @Test
    void defaultRouteNameCannotBeListedAgain() {
        assertThatThrownBy(() -> routes("RELAY_ROUTES", "proxy", "RELAY_ROUTE_PROXY_URL", "http://b"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("RELAY_ROUTES");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Chatkit", "CHATKIT", "1chat", "-chat", "chat_kit", "chat.kit", "chat/kit", "chät",
            "abcdefghijabcdefghijabcdefghijabc"})
    void badRouteNameIsRejectedNamingRelayRoutes(String name) {
        assertThatThrownBy(() -> routes("RELAY_ROUTES", name, RoutingSettings.routeKeyPrefix(name) + "URL", "http://b"))
                .isInstanceOf(InvalidSettingException.class)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo("RELAY_ROUTES");
    }

    @Test
    void longestAllowedRouteNameIsAccepted() {
        String name = "abcdefghijabcdefghijabcdefghijab"; // 32 characters
        assertThat(routes("RELAY_ROUTES", name, RoutingSettings.routeKeyPrefix(name) + "URL", "http://b"))
                .extracting(Route::name).containsExactly("proxy", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth token", "auth;token", "auth=token", "auth,token", "auth\"token", "(auth)",
            "auth/token", "tökén", "auth@token"})
    void badAuthCookieNameIsRejectedNamingItsKey(String cookie) {
        assertThatThrownBy(() -> routes("AUTH_COOKIE_NAME", cookie))
                .isInstanceOf(InvalidSettingException.class)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo("AUTH_COOKIE_NAME");
    }

    @Test
    void badRouteCookieNameIsRejectedNamingItsKey() {
        assertThatThrownBy(() -> routes("RELAY_ROUTES", "chatkit", "RELAY_ROUTE_CHATKIT_URL", "http://b",
                "RELAY_ROUTE_CHATKIT_COOKIE", "bad name"))
                .isInstanceOf(InvalidSettingException.class)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo("RELAY_ROUTE_CHATKIT_COOKIE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"__Host-session", "a.b", "x!#$%&'*+-.^_`|~9"})
    void cookieNamesMadeOfTokenCharactersAreAccepted(String cookie) {
        assertThat(route("proxy", "AUTH_COOKIE_NAME", cookie).cookieName()).isEqualTo(cookie);
    }

    @Test
    void routeBodyLimitDefaultsToTheGlobalOneAndCanBeRaisedPerRoute() {
        List<Route> routes = routes("RELAY_MAX_REQUEST_BYTES", "1000", "RELAY_ROUTES", "chat,bulk",
                "RELAY_ROUTE_CHAT_URL", "http://chat:1", "RELAY_ROUTE_BULK_URL", "http://bulk:1",
                "RELAY_ROUTE_BULK_MAX_REQUEST_BYTES", "5000");

        assertThat(routes).extracting(Route::maxRequestBytes).containsExactly(1000L, 1000L, 5000L);
    }

    @Test
    void invalidRouteBodyLimitNamesItsKey() {
        assertThatThrownBy(() -> routes("RELAY_ROUTES", "bulk", "RELAY_ROUTE_BULK_URL", "http://bulk:1",
                "RELAY_ROUTE_BULK_MAX_REQUEST_BYTES", "lots"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("RELAY_ROUTE_BULK_MAX_REQUEST_BYTES");
    }
}
