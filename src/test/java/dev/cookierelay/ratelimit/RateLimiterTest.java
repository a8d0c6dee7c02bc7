package dev.cookierelay.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.ratelimit.store.LocalBucketStore;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final FakeClock clock = new FakeClock();

    private RateLimiter limiter(RateLimitSettings settings) {
        return new RateLimiter(settings, new LocalBucketStore(settings.maxKeys(), settings.longestPeriod(), clock, Runnable::run));
    }

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal); // literals only: no lookup
    }

    private static String caller(String token) {
        return CallerKeys.caller("proxy", token);
    }

    @Test
    void admitsTheQuotaThenRefusesTheNextRequest() throws Exception {
        RateLimiter limiter = limiter(Settings.with("RATE_LIMIT_REQUESTS", "5", "RATE_LIMIT_PERIOD_SECONDS", "60"));
        InetAddress client = address("192.0.2.1");

        List<Boolean> allowed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            allowed.add(limiter.tryConsume("proxy", caller("alice"), client).allowed());
        }

        assertThat(allowed).containsExactly(true, true, true, true, true, false);
    }

    @Test
    void reportsRemainingAndSecondsToResetInRateLimitFields() throws Exception {
        RateLimiter limiter = limiter(Settings.with("RATE_LIMIT_REQUESTS", "100", "RATE_LIMIT_PERIOD_SECONDS", "60"));
        InetAddress client = address("192.0.2.1");
        limiter.tryConsume("proxy", caller("alice"), client);
        clock.advance(Duration.ofMillis(43_500));

        Verdict verdict = limiter.tryConsume("proxy", caller("alice"), client);

        assertThat(verdict.rateLimitPolicyField()).isEqualTo("\"caller\";q=100;w=60, \"ip\";q=1000;w=60");
        assertThat(verdict.rateLimitField()).isEqualTo("\"caller\";r=98;t=17, \"ip\";r=998;t=17");
    }

    @Test
    void retryAfterIsTheRoundedUpWaitAndMatchesTheExhaustedPolicy() throws Exception {
        RateLimiter limiter = limiter(Settings.with("RATE_LIMIT_REQUESTS", "2", "RATE_LIMIT_PERIOD_SECONDS", "10"));
        InetAddress client = address("192.0.2.1");
        limiter.tryConsume("proxy", caller("alice"), client);
        limiter.tryConsume("proxy", caller("alice"), client);
        clock.advance(Duration.ofMillis(6_200));

        Verdict refused = limiter.tryConsume("proxy", caller("alice"), client);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(4); // 3.8 s rounded up
        assertThat(refused.rateLimitField()).startsWith("\"caller\";r=0;t=4");
    }

    @Test
    void refillsTheWholeQuotaWhenThePeriodEnds() throws Exception {
        RateLimiter limiter = limiter(Settings.with("RATE_LIMIT_REQUESTS", "3", "RATE_LIMIT_PERIOD_SECONDS", "2"));
        InetAddress client = address("192.0.2.1");
        for (int i = 0; i < 3; i++) {
            limiter.tryConsume("proxy", caller("alice"), client);
        }
        assertThat(limiter.tryConsume("proxy", caller("alice"), client).allowed()).isFalse();

        clock.advance(Duration.ofMillis(1_999));
        assertThat(limiter.tryConsume("proxy", caller("alice"), client).allowed()).isFalse();
        clock.advance(Duration.ofMillis(1));
        List<Boolean> afterRefill = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            afterRefill.add(limiter.tryConsume("proxy", caller("alice"), client).allowed());
        }
        assertThat(afterRefill).containsExactly(true, true, true, false);
    }

    @Test
    void anotherCallerFromTheSameAddressKeepsItsOwnQuota() throws Exception {
        RateLimiter limiter = limiter(Settings.with("RATE_LIMIT_REQUESTS", "2"));
        InetAddress client = address("192.0.2.1");
        for (int i = 0; i < 3; i++) {
            limiter.tryConsume("proxy", caller("alice"), client);
        }

        assertThat(limiter.tryConsume("proxy", caller("bob"), client).allowed()).isTrue();
    }

    @Test
    void rotatingTokensIsStoppedByTheAddressQuota() throws Exception {
        RateLimiter limiter = limiter(Settings.with("RATE_LIMIT_REQUESTS", "2", "RATE_LIMIT_IP_REQUESTS", "5"));
        InetAddress client = address("192.0.2.1");
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryConsume("proxy", caller("fake-" + i), client).allowed()).isTrue();
        }

        Verdict refused = limiter.tryConsume("proxy", caller("fake-new"), client);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.rateLimitField()).isEqualTo("\"ip\";r=0;t=60");
        assertThat(limiter.tryConsume("proxy", caller("fake-new"), address("192.0.2.2")).allowed()).isTrue();
    }

    @Test
    void unauthenticatedFloodIsStoppedByTheAddressQuota() throws Exception {
        RateLimiter limiter = limiter(Settings.with("RATE_LIMIT_REQUESTS", "1", "RATE_LIMIT_IP_REQUESTS", "3"));
        InetAddress client = address("192.0.2.1");
        List<Boolean> allowed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            allowed.add(limiter.tryConsume("proxy", null, client).allowed());
        }

        assertThat(allowed).containsExactly(true, true, true, false);
    }

    @Test
    void requestRefusedByItsAddressCostsItsCallerNothing() throws Exception {
        RateLimiter limiter = limiter(Settings.with("RATE_LIMIT_REQUESTS", "2", "RATE_LIMIT_IP_REQUESTS", "1"));
        limiter.tryConsume("proxy", caller("someone"), address("192.0.2.1"));
        limiter.tryConsume("proxy", caller("alice"), address("192.0.2.1"));

        Verdict fromElsewhere = limiter.tryConsume("proxy", caller("alice"), address("198.51.100.7"));

        assertThat(fromElsewhere.rateLimitField()).startsWith("\"caller\";r=1;");
    }

    @Test
    void routeOverrideGivesThatRouteItsOwnQuota() throws Exception {
        RateLimiter limiter = limiter(Settings.with("RATE_LIMIT_REQUESTS", "100",
                "RELAY_ROUTES", "chat", "RELAY_ROUTE_CHAT_URL", "http://backend:8000/chat",
                "RELAY_ROUTE_CHAT_RATE_LIMIT_REQUESTS", "1", "RELAY_ROUTE_CHAT_RATE_LIMIT_PERIOD_SECONDS", "5"));
        InetAddress client = address("192.0.2.1");
        String chatCaller = CallerKeys.caller("chat", "alice");

        assertThat(limiter.tryConsume("chat", chatCaller, client).allowed()).isTrue();
        Verdict refused = limiter.tryConsume("chat", chatCaller, client);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.rateLimitPolicyField()).isEqualTo("\"caller\";q=1;w=5, \"ip\";q=10;w=5");
        assertThat(limiter.tryConsume("proxy", caller("alice"), client).allowed()).isTrue();
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareTheirAddressQuota() throws Exception {
        RateLimiter limiter = limiter(Settings.with("RATE_LIMIT_REQUESTS", "1", "RATE_LIMIT_IP_REQUESTS", "2"));
        limiter.tryConsume("proxy", null, address("2001:db8:1:2::1"));
        limiter.tryConsume("proxy", null, address("2001:db8:1:2::ffff"));

        assertThat(limiter.tryConsume("proxy", null, address("2001:db8:1:2:abcd::9")).allowed()).isFalse();
        assertThat(limiter.tryConsume("proxy", null, address("2001:db8:1:3::1")).allowed()).isTrue();
    }

    @Test
    void thousandParallelRequestsAgainstAQuotaOfHundredAdmitExactlyHundred() throws Exception {
        RateLimiter limiter = limiter(Settings.with("RATE_LIMIT_REQUESTS", "100", "RATE_LIMIT_IP_REQUESTS", "100000"));
        InetAddress client = address("192.0.2.1");
        String alice = caller("alice");
        ExecutorService threads = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> requests = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            requests.add(() -> {
                start.await();
                return limiter.tryConsume("proxy", alice, client).allowed();
            });
        }
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            requests.forEach(request -> results.add(threads.submit(request)));
            start.countDown();
            long admitted = 0;
            for (Future<Boolean> result : results) {
                admitted += result.get() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(100);
        } finally {
            threads.shutdownNow();
        }
    }
}
