package dev.cookierelay.ratelimit.address;

import dev.cookierelay.config.InvalidSettingException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The proxies whose {@code X-Forwarded-For} is believed: IP addresses and CIDR ranges (default: none). */
public final class TrustedProxies {

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** @param entries such as {@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code fd00::/8}; a bad one names {@code key} */
    public static TrustedProxies parse(String key, List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network = IpLiteral.parse(address).filter(bytes -> !address.contains("["))
                    .orElseThrow(() -> new InvalidSettingException(key, "'" + entry + "' is not an IP address or CIDR range"));
            int bits = address.contains(":") ? 128 : 32;
            int prefix = slash < 0 ? bits : prefixLength(key, entry, entry.substring(slash + 1), bits);
            if (network.length == 4 && bits == 128) {
                prefix = Math.max(prefix - 96, 0); // ::ffff:10.0.0.0/104 is the IPv4 range 10.0.0.0/8
            }
            ranges.add(new Range(network, prefix));
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean contains(byte[] address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return ranges.isEmpty() ? "none" : ranges.stream().map(Range::toString).collect(Collectors.joining(","));
    }

    private static int prefixLength(String key, String entry, String text, int bits) {
        try {
            int prefix = Integer.parseInt(text);
            if (prefix >= 0 && prefix <= bits && text.equals(Integer.toString(prefix))) {
                return prefix;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(key, "'" + entry + "' has a prefix length outside 0-" + bits);
    }

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            return AddressPrefix.sameUpTo(address, network, prefix);
        }

        @Override
        public String toString() {
            return AddressPrefix.format(network) + "/" + prefix;
        }
    }
}
