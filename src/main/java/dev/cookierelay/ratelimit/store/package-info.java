/** Where token buckets are kept: this JVM (bounded, expiring) or any Bucket4j ProxyManager. */
package dev.cookierelay.ratelimit.store;
