package dev.cookierelay.ratelimit.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Buckets of this JVM in a Caffeine cache bounded to {@code maxKeys} entries. A bucket untouched for
 * {@code idleExpiry} (the longest refill period) would be full again anyway, so expiring it loses nothing;
 * the size bound is what keeps a flood of distinct keys from growing the heap. Buckets are lock-free
 * (compare-and-swap), so concurrent requests of one caller are each counted exactly once.
 */
public final class LocalBucketStore implements BucketStore {

    private final Cache<String, Bucket> buckets;
    private final TimeMeter clock;

    /**
     * @param clock    the buckets' and the cache's time source, so tests move time instead of sleeping
     * @param executor where Caffeine runs eviction; {@code Runnable::run} makes it immediate (tests)
     */
    public LocalBucketStore(long maxKeys, Duration idleExpiry, TimeMeter clock, Executor executor) {
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(idleExpiry)
                .ticker(clock::currentTimeNanos)
                .executor(executor)
                .build();
    }

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        // Caffeine's get computes atomically: two first requests of one key share one bucket.
        return buckets.get(key, unused -> newBucket(configuration.get()));
    }

    /** Number of buckets held, after pending evictions ran: never above {@code maxKeys}. */
    public long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }
}
