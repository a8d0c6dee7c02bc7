package dev.cookierelay.security;

import dev.cookierelay.proxy.RelayRejection;

/**
 * Checks the raw (still percent-encoded) path and query of a request before they are appended to a
 * backend URL, so the forwarded path always stays under the route's base path. Nothing is decoded on
 * the way through: the check decodes each segment once, for itself, and forwards the raw form.
 */
public final class RequestTargetPolicy {

    private static final int BAD_REQUEST = 400;
    // Printable ASCII that RFC 3986 §2 does not allow raw but browsers send raw (WHATWG URL leaves them):
    // percent-encoding them keeps their meaning for the backend and makes the URL valid for the HTTP client.
    private static final String ENCODE_RAW = "\"<>^`{|}";

    private RequestTargetPolicy() {
    }

    /** @return the path to append to the base path, identical to {@code rawPath} but for {@link #ENCODE_RAW} */
    public static String safePath(String rawPath) {
        String path = encodeIllegal(rawPath, "path");
        for (String segment : path.split("/", -1)) {
            checkSegment(segment);
        }
        return path;
    }

    /** @return the query to forward (null when there was none), unchanged but for {@link #ENCODE_RAW} */
    public static String safeQuery(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        String query = encodeIllegal(rawQuery, "query");
        decode(query, "query");
        return query;
    }

    private static void checkSegment(String rawSegment) {
        // Path parameters (";v=1") stay, but "..;x" is a dot segment to Tomcat/Undertow-style backends.
        int parameters = rawSegment.indexOf(';');
        String name = parameters < 0 ? rawSegment : rawSegment.substring(0, parameters);
        String decoded = decode(rawSegment, "path");
        if (decoded.indexOf('\\') >= 0) {
            throw new RelayRejection(BAD_REQUEST, "Backslashes are not allowed in the path");
        }
        // An encoded slash is forwarded encoded; what it hides must not be a dot segment either. An encoded
        // ';' ("..%3B") is cut too: a backend that decodes before it strips parameters would see "..".
        for (String part : decode(name, "path").split("/", -1)) {
            String beforeParameters = part.indexOf(';') < 0 ? part : part.substring(0, part.indexOf(';'));
            if (beforeParameters.equals(".") || beforeParameters.equals("..")) {
                throw new RelayRejection(BAD_REQUEST, "Dot segments are not allowed in the path");
            }
        }
    }

    private static String encodeIllegal(String raw, String where) {
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '#' || (c == '\\' && where.equals("path"))) {
                throw new RelayRejection(BAD_REQUEST, "Illegal character in the " + where);
            }
            if (ENCODE_RAW.indexOf(c) >= 0 || c == '\\') {
                if (out == null) {
                    out = new StringBuilder(raw.length() + 8).append(raw, 0, i);
                }
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? raw : out.toString();
    }

    /** Decodes percent escapes once, as bytes read as Latin-1 (enough to spot '.', '/', '\\' and controls). */
    private static String decode(String raw, String where) {
        StringBuilder decoded = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                decoded.append(c);
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (low < 0) {
                throw new RelayRejection(BAD_REQUEST, "Invalid percent-encoding in the " + where);
            }
            char value = (char) (high << 4 | low);
            if (value < 0x20 || value == 0x7f) {
                throw new RelayRejection(BAD_REQUEST, "Encoded control characters are not allowed in the " + where);
            }
            decoded.append(value);
            i += 2;
        }
        return decoded.toString();
    }
}
