package dev.cookierelay.ratelimit;

import java.util.List;

/**
 * The outcome of one request's rate-limit check, and the IETF RateLimit fields that describe it
 * (draft-ietf-httpapi-ratelimit-headers: {@code RateLimit-Policy: "caller";q=100;w=60} and
 * {@code RateLimit: "caller";r=42;t=17}). {@code Retry-After} is the {@code t} of the exhausted policy,
 * so the fields never contradict it.
 */
public record Verdict(boolean allowed, List<Policy> policies) {

    /**
     * One policy's state after this request.
     *
     * @param parameters     RateLimit-Policy parameters, e.g. {@code q=100;w=60}
     * @param secondsToReset whole seconds, rounded up, until the quota is available again
     */
    public record Policy(String name, String parameters, long remaining, long secondsToReset, boolean exhausted) {
    }

    public Verdict {
        policies = List.copyOf(policies);
    }

    /** Whole seconds the client should wait: the longest wait of any exhausted policy (RFC 9110 §10.2.3). */
    public long retryAfterSeconds() {
        return policies.stream().filter(Policy::exhausted).mapToLong(Policy::secondsToReset).max().orElse(0);
    }

    public String rateLimitPolicyField() {
        StringBuilder field = new StringBuilder(48);
        for (Policy policy : policies) {
            separate(field).append('"').append(policy.name()).append("\";").append(policy.parameters());
        }
        return field.toString();
    }

    public String rateLimitField() {
        StringBuilder field = new StringBuilder(48);
        for (Policy policy : policies) {
            separate(field).append('"').append(policy.name()).append("\";r=").append(policy.remaining())
                    .append(";t=").append(policy.secondsToReset());
        }
        return field.toString();
    }

    private static StringBuilder separate(StringBuilder field) {
        return field.isEmpty() ? field : field.append(", ");
    }

    static long wholeSecondsUp(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
