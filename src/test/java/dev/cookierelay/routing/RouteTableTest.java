package dev.cookierelay.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final Route PROXY = new Route("proxy", URI.create("http://backend:8000/v1"), "auth_token", 1024);
    private static final Route CHATKIT = new Route("chatkit", URI.create("http://backend:8000/chatkit"), "taskflow_id_token", 1024);
    private final RouteTable table = new RouteTable("/api", List.of(PROXY, CHATKIT));

    @Test
    void matchesTheRouteWithNothingAfterIt() {
        assertThat(table.match("/api/proxy")).contains(new RouteMatch(PROXY, ""));
    }

    @Test
    void matchesTheRouteWithATrailingSlash() {
        assertThat(table.match("/api/proxy/")).contains(new RouteMatch(PROXY, "/"));
    }

    @Test
    void matchesTheRouteAtAnyDepthKeepingTheRestRaw() {
        assertThat(table.match("/api/proxy/a/b")).contains(new RouteMatch(PROXY, "/a/b"));
        assertThat(table.match("/api/proxy/a%20b/%C3%A9/%2F")).contains(new RouteMatch(PROXY, "/a%20b/%C3%A9/%2F"));
    }

    @Test
    void matchesANamedRoute() {
        assertThat(table.match("/api/chatkit/threads/1")).contains(new RouteMatch(CHATKIT, "/threads/1"));
    }

    @Test
    void restStartingWithTheRouteNameIsNotAnotherRoute() {
        assertThat(table.match("/api/proxy/chatkit/x")).contains(new RouteMatch(PROXY, "/chatkit/x"));
    }

    @Test
    void unknownRouteDoesNotMatch() {
        assertThat(table.match("/api/other/x")).isEmpty();
    }

    @Test
    void nameThatOnlyStartsLikeARouteDoesNotMatch() {
        assertThat(table.match("/api/proxyx")).isEmpty();
        assertThat(table.match("/api/proxyx/a")).isEmpty();
        assertThat(table.match("/api/prox")).isEmpty();
    }

    @Test
    void pathsOutsideApiDoNotMatch() {
        assertThat(table.match("/apix/proxy/a")).isEmpty();
        assertThat(table.match("/api")).isEmpty();
        assertThat(table.match("/api/")).isEmpty();
        assertThat(table.match("/")).isEmpty();
        assertThat(table.match("")).isEmpty();
        assertThat(table.match("/other/api/proxy")).isEmpty();
    }

    @Test
    void routeNamesAreExactAndCaseSensitive() {
        assertThat(table.match("/api/PROXY/a")).isEmpty();
        assertThat(table.match("/api/Proxy")).isEmpty();
        assertThat(table.match("/API/proxy")).isEmpty();
    }

    @Test
    void encodedOrParameterisedRouteNameDoesNotMatch() {
        assertThat(table.match("/api/pro%78y/a")).isEmpty();
        assertThat(table.match("/api/proxy;x=1/a")).isEmpty();
    }

    @Test
    void emptyRouteNameDoesNotMatch() {
        assertThat(table.match("/api//proxy")).isEmpty();
    }

    @Test
    void routesAreListedInConfiguredOrder() {
        assertThat(table.routes()).containsExactly(PROXY, CHATKIT);
    }

    @Test
    void prefixOfARouteIsTheMountSlashItsName() {
        assertThat(table.prefixOf(CHATKIT)).isEqualTo("/api/chatkit");
        assertThat(new RouteTable("/relay/v1", List.of(PROXY)).prefixOf(PROXY)).isEqualTo("/relay/v1/proxy");
    }

    @Test
    void anotherMountMatchesOnlyBelowItself() {
        RouteTable moved = new RouteTable("/relay", List.of(PROXY, CHATKIT));

        assertThat(moved.match("/relay/proxy/a")).contains(new RouteMatch(PROXY, "/a"));
        assertThat(moved.match("/relay/chatkit")).contains(new RouteMatch(CHATKIT, ""));
        assertThat(moved.match("/api/proxy/a")).isEmpty();
        assertThat(moved.match("/relayx/proxy/a")).isEmpty();
        assertThat(moved.match("/relay")).isEmpty();
    }
}
