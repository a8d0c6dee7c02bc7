package dev.cookierelay.ratelimit;

import dev.cookierelay.config.InvalidSettingException;
import dev.cookierelay.config.SettingsSource;
import dev.cookierelay.ratelimit.address.TrustedProxies;
import dev.cookierelay.routing.Route;
import dev.cookierelay.routing.RoutingSettings;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rate-limit settings, validated once: the global quotas, each route's overrides, the trusted proxies and
 * the memory and stream bounds. A route's own key wins over the global one.
 *
 * @param unrouted quotas for paths under /api/ that match no route (only the address quota applies there)
 */
public record RateLimitSettings(boolean enabled, RouteLimits unrouted, Map<String, RouteLimits> routes,
                                TrustedProxies trustedProxies, int ipv6PrefixLength, long maxKeys,
                                int maxStreamsPerCaller) {

    public static final String ENABLED = "RATE_LIMIT_ENABLED";
    public static final String REQUESTS = "RATE_LIMIT_REQUESTS";
    public static final String PERIOD_SECONDS = "RATE_LIMIT_PERIOD_SECONDS";
    public static final String IP_REQUESTS = "RATE_LIMIT_IP_REQUESTS";
    public static final String TRUSTED_PROXIES = "RATE_LIMIT_TRUSTED_PROXIES";
    public static final String IPV6_PREFIX_LENGTH = "RATE_LIMIT_IPV6_PREFIX_LENGTH";
    public static final String MAX_KEYS = "RATE_LIMIT_MAX_KEYS";
    public static final String MAX_STREAMS_PER_CALLER = "RATE_LIMIT_MAX_STREAMS_PER_CALLER";
    /** Route override suffixes, after {@code RELAY_ROUTE_<NAME>_}. */
    public static final String ROUTE_REQUESTS = "RATE_LIMIT_REQUESTS";
    public static final String ROUTE_PERIOD_SECONDS = "RATE_LIMIT_PERIOD_SECONDS";
    public static final String ROUTE_IP_REQUESTS = "RATE_LIMIT_IP_REQUESTS";

    private static final long MAX_REQUESTS = 1_000_000_000L;
    private static final long MAX_PERIOD_SECONDS = 86_400;
    /** The per-address quota when none is set: one address may carry ten callers (an office behind NAT). */
    private static final long IP_FACTOR = 10;

    /** The caller quota and the client-address quota of one route. */
    public record RouteLimits(Quota caller, Quota address) {
        @Override
        public String toString() {
            return "caller " + caller + ", address " + address;
        }
    }

    public RateLimitSettings {
        routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes)); // ordered for the settings log
    }

    public static RateLimitSettings from(SettingsSource source, RoutingSettings routing) {
        long requests = source.longInRange(REQUESTS, 1, MAX_REQUESTS);
        Duration period = source.seconds(PERIOD_SECONDS, 1, MAX_PERIOD_SECONDS);
        Optional<Long> ipRequests = optionalLong(source, IP_REQUESTS, MAX_REQUESTS * IP_FACTOR);
        Map<String, RouteLimits> routes = new LinkedHashMap<>();
        for (Route route : routing.table().routes()) {
            String prefix = RoutingSettings.routeKeyPrefix(route.name());
            String requestsKey = source.optional(prefix + ROUTE_REQUESTS).isPresent() ? prefix + ROUTE_REQUESTS : REQUESTS;
            long routeRequests = optionalLong(source, prefix + ROUTE_REQUESTS, MAX_REQUESTS).orElse(requests);
            String periodKey = source.optional(prefix + ROUTE_PERIOD_SECONDS).isPresent() ? prefix + ROUTE_PERIOD_SECONDS : PERIOD_SECONDS;
            Duration routePeriod = optionalLong(source, prefix + ROUTE_PERIOD_SECONDS, MAX_PERIOD_SECONDS)
                    .map(Duration::ofSeconds).orElse(period);
            String ipKey = source.optional(prefix + ROUTE_IP_REQUESTS).isPresent() ? prefix + ROUTE_IP_REQUESTS
                    : ipRequests.isPresent() ? IP_REQUESTS : requestsKey;
            long routeIpRequests = optionalLong(source, prefix + ROUTE_IP_REQUESTS, MAX_REQUESTS * IP_FACTOR)
                    .or(() -> ipRequests).orElse(routeRequests * IP_FACTOR);
            routes.put(route.name(), new RouteLimits(quota(requestsKey, routeRequests, routePeriod, periodKey),
                    quota(ipKey, routeIpRequests, routePeriod, periodKey)));
        }
        Quota unroutedAddress = quota(ipRequests.isPresent() ? IP_REQUESTS : REQUESTS,
                ipRequests.orElse(requests * IP_FACTOR), period, PERIOD_SECONDS);
        return new RateLimitSettings(
                source.bool(ENABLED),
                new RouteLimits(new Quota(requests, period), unroutedAddress),
                routes,
                TrustedProxies.parse(TRUSTED_PROXIES, source.list(TRUSTED_PROXIES)),
                source.intInRange(IPV6_PREFIX_LENGTH, 1, 128),
                source.longInRange(MAX_KEYS, 1_000, 100_000_000),
                source.intInRange(MAX_STREAMS_PER_CALLER, 0, 10_000));
    }

    /** The limits of a route by name; {@code null} (no route matched) gives {@link #unrouted()}. */
    public RouteLimits limitsFor(String routeName) {
        RouteLimits limits = routeName == null ? null : routes.get(routeName);
        return limits == null ? unrouted : limits;
    }

    /** The longest period of any quota: an idle bucket is full again after it, so it can be evicted. */
    public Duration longestPeriod() {
        return Stream.concat(Stream.of(unrouted), routes.values().stream())
                .flatMap(limits -> Stream.of(limits.caller().period(), limits.address().period()))
                .max(Duration::compareTo).orElseThrow();
    }

    @Override
    public String toString() {
        if (!enabled) {
            return "off";
        }
        return routes.entrySet().stream().map(route -> "route " + route.getKey() + ": " + route.getValue())
                .collect(Collectors.joining("; ", "", "; "))
                + "trusted proxies " + trustedProxies + ", IPv6 keyed per /" + ipv6PrefixLength
                + ", at most " + maxKeys + " buckets, "
                + (maxStreamsPerCaller == 0 ? "no stream cap" : maxStreamsPerCaller + " event streams per caller");
    }

    /** Bucket4j refills at most one token per nanosecond: a faster quota would fail on the first request. */
    private static Quota quota(String requestsKey, long requests, Duration period, String periodKey) {
        if (requests > period.toSeconds() * 1_000_000_000L) {
            throw new InvalidSettingException(requestsKey, requests + " requests per " + period.toSeconds()
                    + " s (" + periodKey + ") is more than one per nanosecond");
        }
        return new Quota(requests, period);
    }

    private static Optional<Long> optionalLong(SettingsSource source, String key, long max) {
        return source.optional(key).map(unused -> source.longInRange(key, 1, max));
    }
}
