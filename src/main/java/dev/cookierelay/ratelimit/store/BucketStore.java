package dev.cookierelay.ratelimit.store;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.function.Supplier;

/**
 * Where the token buckets live, in the shape of Bucket4j's {@code ProxyManager.builder().build(key,
 * configuration)}: the filter only ever asks for a key's bucket. The in-memory store keeps buckets in this
 * JVM; a cluster-wide one (Payara's Hazelcast through JCache, WildFly's Infinispan) is a Bucket4j
 * {@code ProxyManager} wrapped in {@link ProxyManagerBucketStore}, with no change to the filter.
 */
public interface BucketStore {

    /**
     * @param key           a key that never contains a token (a hash of it at most)
     * @param configuration used only when the key has no bucket yet (or had one that was evicted)
     */
    Bucket bucket(String key, Supplier<BucketConfiguration> configuration);
}
