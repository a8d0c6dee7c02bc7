package dev.cookierelay.ratelimit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalBucketStoreTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    private static BucketConfiguration tenPerMinute() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(10).refillIntervally(10, Duration.ofMinutes(1))).build();
    }

    @Test
    void aMillionDistinctKeysKeepTheStoreAtItsBound() {
        LocalBucketStore store = new LocalBucketStore(10_000, Duration.ofMinutes(1), clock, Runnable::run);

        for (int i = 0; i < 1_000_000; i++) {
            store.bucket("proxy|a|" + i, LocalBucketStoreTest::tenPerMinute).tryConsume(1);
        }

        assertThat(store.size()).isLessThanOrEqualTo(10_000).isGreaterThan(9_000);
    }

    @Test
    void oneKeyKeepsOneBucketAcrossRequests() {
        LocalBucketStore store = new LocalBucketStore(1_000, Duration.ofMinutes(1), clock, Runnable::run);

        for (int i = 0; i < 10; i++) {
            assertThat(store.bucket("k", LocalBucketStoreTest::tenPerMinute).tryConsume(1)).isTrue();
        }

        assertThat(store.bucket("k", LocalBucketStoreTest::tenPerMinute).tryConsume(1)).isFalse();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void idleBucketsExpireAfterTheIdlePeriod() {
        LocalBucketStore store = new LocalBucketStore(1_000, Duration.ofMinutes(1), clock, Runnable::run);
        store.bucket("idle", LocalBucketStoreTest::tenPerMinute).tryConsume(1);

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());

        assertThat(store.size()).isZero();
    }
}
