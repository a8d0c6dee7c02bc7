package dev.cookierelay.testing;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Test bodies: every byte value, seeded random blocks, and endless deterministic streams with their hashes. */
public final class Bytes {

    private Bytes() {
    }

    /** All 256 byte values, then {@code size - 256} seeded random bytes. */
    public static byte[] binary(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        for (int i = 0; i < Math.min(256, size); i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    /** A stream of {@code size} deterministic bytes, generated as read: nothing is held in memory. */
    public static InputStream pattern(long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? patternByte(position++) : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int count = (int) Math.min(length, size - position);
                for (int i = 0; i < count; i++) {
                    buffer[offset + i] = (byte) patternByte(position++);
                }
                return count;
            }
        };
    }

    private static int patternByte(long position) {
        return (int) ((position * 31 + (position >>> 13)) & 0xff);
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Reads the stream to its end; returns {@code length:sha256}. */
    public static String lengthAndSha256(InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        long length = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, n);
            length += n;
        }
        return length + ":" + HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
