package dev.cookierelay.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * {@code requests} per {@code period}, refilled all at once when a period ends: that is exactly what the
 * IETF {@code RateLimit-Policy} {@code q}/{@code w} pair describes, so the time to the next token, the
 * {@code t} the headers report and {@code Retry-After} are one and the same number.
 */
public record Quota(long requests, Duration period) {

    BucketConfiguration bucketConfiguration() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(requests).refillIntervally(requests, period))
                .build();
    }

    /** Parameters of this quota's RateLimit-Policy item, e.g. {@code q=100;w=60}. */
    String policyParameters() {
        return "q=" + requests + ";w=" + period.toSeconds();
    }

    @Override
    public String toString() {
        return requests + "/" + period.toSeconds() + "s";
    }
}
