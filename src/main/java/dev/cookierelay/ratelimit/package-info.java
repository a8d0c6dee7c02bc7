/** Stops abusive callers in front of every relay route: token buckets per caller and per client address, a stream cap, 429 answers. */
package dev.cookierelay.ratelimit;
