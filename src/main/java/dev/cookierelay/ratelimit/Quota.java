package dev.cookierelay.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * {@code requests} per {@code period}, refilled all at once when a period ends: that is exactly what the
 * IETF {@code RateLimit-Policy} {@code q}/{@code w} pair describes, so the time to the next token, the
 * {@code t} the headers report and {@code Retry-After} are one and the same number. Immutable; its bucket
 * configuration and policy text are built once, not per request.
 */
public final class Quota {

    private final long requests;
    private final Duration period;
    private final BucketConfiguration bucketConfiguration;
    private final String policyParameters;

    public Quota(long requests, Duration period) {
        this.requests = requests;
        this.period = period;
        this.bucketConfiguration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(requests).refillIntervally(requests, period))
                .build();
        this.policyParameters = "q=" + requests + ";w=" + period.toSeconds();
    }

    public long requests() {
        return requests;
    }

    public Duration period() {
        return period;
    }

    BucketConfiguration bucketConfiguration() {
        return bucketConfiguration;
    }

    /** Parameters of this quota's RateLimit-Policy item, e.g. {@code q=100;w=60}. */
    String policyParameters() {
        return policyParameters;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Quota quota && quota.requests == requests && quota.period.equals(period);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(requests) * 31 + period.hashCode();
    }

    @Override
    public String toString() {
        return requests + "/" + period.toSeconds() + "s";
    }
}
