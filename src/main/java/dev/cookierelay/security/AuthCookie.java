package dev.cookierelay.security;

import java.util.List;
import java.util.Optional;

/**
 * Reads the auth token from the raw {@code Cookie} header lines (not the container's parsed cookies,
 * whose leniency differs between servers). Only RFC 6265 §4.1.1 cookie-octets up to a maximum length
 * count as a token; anything else is treated as no token at all and is never echoed.
 */
public final class AuthCookie {

    private AuthCookie() {
    }

    public static Optional<String> token(List<String> cookieHeaderLines, String cookieName, int maxLength) {
        for (String line : cookieHeaderLines) {
            for (String pair : line.split(";")) {
                int equals = pair.indexOf('=');
                if (equals < 0 || !pair.substring(0, equals).trim().equals(cookieName)) {
                    continue;
                }
                // The first cookie of that name wins: browsers send the most specific path first (RFC 6265 §5.4).
                return validValue(pair.substring(equals + 1).trim(), maxLength);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> validValue(String value, int maxLength) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > maxLength) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isCookieOctet(value.charAt(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(value);
    }

    /** cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E: no space, DQUOTE, comma, semicolon or backslash. */
    private static boolean isCookieOctet(char c) {
        return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\';
    }
}
