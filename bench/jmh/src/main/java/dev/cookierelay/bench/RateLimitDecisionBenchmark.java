package dev.cookierelay.bench;

import dev.cookierelay.config.SettingsSource;
import dev.cookierelay.ratelimit.CallerKeys;
import dev.cookierelay.ratelimit.RateLimitSettings;
import dev.cookierelay.ratelimit.RateLimiter;
import dev.cookierelay.ratelimit.Verdict;
import dev.cookierelay.ratelimit.store.LocalBucketStore;
import dev.cookierelay.routing.RoutingSettings;
import io.github.bucket4j.TimeMeter;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The rate-limit filter's per-request decision for a caller whose buckets already exist (the steady state):
 * hash the token into its key, take a token from the address bucket and from the caller bucket, and
 * render the RateLimit fields. The quota is so large that no request is ever refused.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RateLimitDecisionBenchmark {

    /** 46: an opaque session token like the ITs'; 1024: a typical signed JWT in a cookie. */
    @Param({"46", "1024"})
    int tokenLength;

    private RateLimiter limiter;
    private String token;
    private String callerKey;
    private InetAddress client;

    @Setup(Level.Trial)
    public void createBuckets() throws Exception {
        SettingsSource source = SettingsSource.of(Map.ofEntries(
                Map.entry("BACKEND_URL", "http://127.0.0.1:8000"),
                Map.entry("AUTH_COOKIE_NAME", "auth_token"),
                Map.entry("RATE_LIMIT_ENABLED", "true"),
                Map.entry("RATE_LIMIT_REQUESTS", "100000000"),
                Map.entry("RATE_LIMIT_PERIOD_SECONDS", "1"),
                Map.entry("RATE_LIMIT_IPV6_PREFIX_LENGTH", "64"),
                Map.entry("RATE_LIMIT_MAX_KEYS", "100000"),
                Map.entry("RATE_LIMIT_MAX_STREAMS_PER_CALLER", "4")));
        RateLimitSettings settings = RateLimitSettings.from(source, RoutingSettings.from(source));
        // As the filter builds it: system clock, eviction on the calling thread.
        limiter = new RateLimiter(settings, new LocalBucketStore(settings.maxKeys(), settings.longestPeriod(),
                TimeMeter.SYSTEM_NANOTIME, Runnable::run));
        token = "t".repeat(tokenLength);
        client = InetAddress.getByName("192.0.2.10");
        callerKey = CallerKeys.caller("proxy", token);
        limiter.tryConsume("proxy", callerKey, client); // the buckets exist from here on
    }

    /** Everything the filter decides per request, from the raw token to the two header values. */
    @Benchmark
    public String decisionWithKeyAndFields() {
        Verdict verdict = limiter.tryConsume("proxy", CallerKeys.caller("proxy", token), client);
        return verdict.rateLimitPolicyField() + verdict.rateLimitField();
    }

    /** The same without rendering the header values. */
    @Benchmark
    public Verdict decisionWithKey() {
        return limiter.tryConsume("proxy", CallerKeys.caller("proxy", token), client);
    }

    /** Only the two bucket look-ups and consumptions (key already derived). */
    @Benchmark
    public Verdict bucketsOnly() {
        return limiter.tryConsume("proxy", callerKey, client);
    }
}
