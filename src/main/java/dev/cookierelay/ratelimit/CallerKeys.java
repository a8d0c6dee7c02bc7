package dev.cookierelay.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Bucket keys. A caller's key is a SHA-256 hash of the auth token, never the token itself, so a heap
 * dump, a log line or a cluster-wide store of buckets holds nothing that authenticates anyone. The
 * route name is part of every key: each route has its own quotas.
 */
public final class CallerKeys {

    /** 128 of SHA-256's 256 bits: collisions stay out of reach, and a key is 22 characters. */
    private static final int HASH_BYTES = 16;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    // MessageDigest is not thread-safe; one per request thread avoids both locking and a provider lookup.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(CallerKeys::newDigest);

    private CallerKeys() {
    }

    public static String caller(String routeName, String token) {
        MessageDigest digest = SHA256.get();
        byte[] hash = digest.digest(token.getBytes(StandardCharsets.US_ASCII)); // cookie-octets are ASCII
        byte[] truncated = new byte[HASH_BYTES];
        System.arraycopy(hash, 0, truncated, 0, HASH_BYTES);
        return routeName + "|c|" + BASE64URL.encodeToString(truncated);
    }

    /** @param network the client address with its host bits cleared where addresses are grouped (IPv6 /64) */
    public static String address(String routeName, byte[] network) {
        return routeName + "|a|" + BASE64URL.encodeToString(network);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
