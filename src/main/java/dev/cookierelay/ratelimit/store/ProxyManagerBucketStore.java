package dev.cookierelay.ratelimit.store;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.util.function.Supplier;

/**
 * Any Bucket4j {@link ProxyManager} as the bucket store: the seam for a cluster-wide store (JCache over
 * Payara's Hazelcast, Infinispan on WildFly), where every node consumes from the same bucket state.
 */
public final class ProxyManagerBucketStore implements BucketStore {

    private final ProxyManager<String> proxyManager;

    public ProxyManagerBucketStore(ProxyManager<String> proxyManager) {
        this.proxyManager = proxyManager;
    }

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        // A proxy is a cheap handle: the state lives in the grid and is read and written per consumption.
        return proxyManager.builder().build(key, configuration);
    }
}
