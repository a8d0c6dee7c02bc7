package dev.cookierelay.proxy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Hop-by-hop header names (RFC 9110 §7.6.1): they describe one connection and never cross the relay. */
final class HopByHop {

    static final Set<String> NAMES = Set.of(
            "connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade",
            "proxy-authorization", "proxy-authenticate", "proxy-connection", "http2-settings");

    private HopByHop() {
    }

    /** The fixed names plus every name listed in the message's own {@code Connection} header lines. */
    static Set<String> namesFor(List<String> connectionHeaderLines) {
        Set<String> names = new HashSet<>(NAMES);
        for (String line : connectionHeaderLines) {
            for (String token : line.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** {@code content-type} → {@code Content-Type}; header names are case-insensitive (RFC 9110 §5.1). */
    static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }
}
