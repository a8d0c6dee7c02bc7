package dev.cookierelay.proxy;

/**
 * The grammar of a header line (RFC 9110 §5.1, §5.5). HttpCore writes what it is given, so the relay
 * checks what it forwards: a name is a token; a value is visible characters, spaces, tabs and obs-text
 * (bytes 0x80-0xFF, which the container decoded as ISO-8859-1 and which go out as the same bytes).
 */
final class HeaderSyntax {

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private HeaderSyntax() {
    }

    static boolean isFieldName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isFieldValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c == '\t' || (c >= 0x20 && c != 0x7F && c <= 0xFF);
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
