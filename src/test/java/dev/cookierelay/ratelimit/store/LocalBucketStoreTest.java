package dev.cookierelay.ratelimit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.ratelimit.FakeClock;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalBucketStoreTest {

    private final FakeClock clock = new FakeClock();

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

        clock.advance(Duration.ofSeconds(61));

        assertThat(store.size()).isZero();
    }
}
