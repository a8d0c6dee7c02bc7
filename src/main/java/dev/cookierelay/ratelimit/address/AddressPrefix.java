package dev.cookierelay.ratelimit.address;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Bit-prefix arithmetic on raw address bytes, shared by CIDR matching and per-network rate-limit keys. */
public final class AddressPrefix {

    private AddressPrefix() {
    }

    static boolean sameUpTo(byte[] a, byte[] b, int prefixBits) {
        int fullBytes = prefixBits / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (a[fullBytes] & mask) == (b[fullBytes] & mask);
    }

    /** The address with every bit after {@code prefixBits} cleared (a copy). */
    public static byte[] masked(byte[] address, int prefixBits) {
        byte[] network = address.clone();
        for (int bit = prefixBits; bit < network.length * 8; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return network;
    }

    /** Textual form of 4 or 16 address bytes; never a DNS lookup. */
    public static String format(byte[] address) {
        return toInetAddress(address).getHostAddress();
    }

    static InetAddress toInetAddress(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + address.length, e);
        }
    }
}
