package dev.cookierelay.ratelimit;

import dev.cookierelay.ratelimit.RateLimitSettings.RouteLimits;
import dev.cookierelay.ratelimit.address.AddressPrefix;
import dev.cookierelay.ratelimit.store.BucketStore;
import io.github.bucket4j.ConsumptionProbe;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether one request may pass: it takes a token from the client address's bucket and then from
 * the caller's, each of the request's route. A request stopped by its address costs its caller nothing.
 */
public final class RateLimiter {

    static final String CALLER_POLICY = "caller";
    static final String ADDRESS_POLICY = "ip";
    private static final String UNROUTED = "*";

    private final RateLimitSettings settings;
    private final BucketStore store;

    public RateLimiter(RateLimitSettings settings, BucketStore store) {
        this.settings = settings;
        this.store = store;
    }

    /**
     * @param routeName the matched route, or {@code null} for a path under /api/ that matches none
     * @param callerKey {@link CallerKeys#caller} of the route's auth token, or {@code null} without one
     * @param client    the resolved client address, or {@code null} when the peer is not an IP address
     */
    public Verdict tryConsume(String routeName, String callerKey, InetAddress client) {
        RouteLimits limits = settings.limitsFor(routeName);
        List<Verdict.Policy> policies = new ArrayList<>(2);
        if (client != null) {
            String key = CallerKeys.address(routeName == null ? UNROUTED : routeName, network(client));
            Verdict.Policy address = consume(ADDRESS_POLICY, key, limits.address());
            policies.add(address);
            if (address.exhausted()) {
                return new Verdict(false, policies);
            }
        }
        if (callerKey != null) {
            Verdict.Policy caller = consume(CALLER_POLICY, callerKey, limits.caller());
            policies.add(0, caller);
            if (caller.exhausted()) {
                return new Verdict(false, policies);
            }
        }
        return new Verdict(true, policies);
    }

    private Verdict.Policy consume(String name, String key, Quota quota) {
        ConsumptionProbe probe = store.bucket(key, quota::bucketConfiguration).tryConsumeAndReturnRemaining(1);
        long nanosToReset = probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill();
        return new Verdict.Policy(name, quota.policyParameters(), probe.getRemainingTokens(),
                Verdict.wholeSecondsUp(nanosToReset), !probe.isConsumed());
    }

    /** An IPv6 client usually holds a whole /64: counting each address apart would let it rotate freely. */
    private byte[] network(InetAddress client) {
        byte[] address = client.getAddress();
        return client instanceof Inet6Address ? AddressPrefix.masked(address, settings.ipv6PrefixLength()) : address;
    }
}
