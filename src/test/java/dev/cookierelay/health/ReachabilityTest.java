package dev.cookierelay.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReachabilityTest {

    @Test
    void allReachableOnlyWhenEveryRouteIs() {
        assertThat(new Reachability(Map.of("proxy", true, "chatkit", true), 0).allReachable()).isTrue();
        assertThat(new Reachability(Map.of("proxy", true, "down", false), 0).allReachable()).isFalse();
    }

    @Test
    void nothingIsReachableBeforeTheFirstRound() {
        assertThat(Reachability.none().allReachable()).isFalse();
    }
}
