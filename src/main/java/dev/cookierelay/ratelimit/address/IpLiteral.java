package dev.cookierelay.ratelimit.address;

import java.util.Optional;

/**
 * Parses IPv4 and IPv6 address literals into bytes without ever asking DNS ({@code InetAddress.getByName}
 * resolves anything that is not a valid literal, which would let a header trigger a lookup). IPv4-mapped
 * IPv6 addresses come back as 4 bytes, so {@code ::ffff:10.0.0.1} and {@code 10.0.0.1} are one client.
 */
public final class IpLiteral {

    private IpLiteral() {
    }

    /** Also accepts the forms found in {@code X-Forwarded-For}: {@code [v6]}, {@code [v6]:port}, {@code v4:port}. */
    public static Optional<byte[]> parse(String text) {
        String literal = text.trim();
        if (literal.startsWith("[")) {
            int close = literal.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            literal = literal.substring(1, close);
        } else if (literal.indexOf(':') > 0 && literal.indexOf(':') == literal.lastIndexOf(':') && literal.indexOf('.') > 0) {
            literal = literal.substring(0, literal.indexOf(':')); // 192.0.2.1:8080
        }
        byte[] bytes = literal.indexOf(':') >= 0 ? ipv6(literal) : ipv4(literal);
        return Optional.ofNullable(bytes == null ? null : unmapped(bytes));
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            // Leading zeros are refused: some parsers read them as octal (CVE-2021-29921 class of bugs).
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0') || !digits(part)) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static byte[] ipv6(String text) {
        if (text.length() > 45 || text.indexOf('%') >= 0) {
            return null; // longest literal is 45 characters; zone ids name interfaces of the sender, not clients
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        int[] headGroups = groups(head, gap < 0);
        int[] tailGroups = groups(tail, true);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int count = headGroups.length + tailGroups.length;
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < headGroups.length; i++) {
            put(bytes, i, headGroups[i]);
        }
        for (int i = 0; i < tailGroups.length; i++) {
            put(bytes, 8 - tailGroups.length + i, tailGroups[i]);
        }
        return bytes;
    }

    /** 16-bit groups of one side of "::"; a trailing dotted IPv4 part counts as two groups. */
    private static int[] groups(String side, boolean mayEndInIpv4) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        boolean embedded = mayEndInIpv4 && parts[parts.length - 1].indexOf('.') >= 0;
        int[] groups = new int[parts.length + (embedded ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (embedded && i == parts.length - 1) {
                byte[] v4 = ipv4(part);
                if (v4 == null) {
                    return null;
                }
                groups[i] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
                groups[i + 1] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
            } else if (part.isEmpty() || part.length() > 4 || !hex(part)) {
                return null;
            } else {
                groups[i] = Integer.parseInt(part, 16);
            }
        }
        return groups;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >> 8);
        bytes[2 * group + 1] = (byte) value;
    }

    private static byte[] unmapped(byte[] bytes) {
        if (bytes.length != 16) {
            return bytes;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return bytes;
            }
        }
        if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return bytes;
        }
        return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
    }

    private static boolean digits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean hex(String text) {
        return text.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
    }
}
