package dev.cookierelay.examples.faces;

/**
 * The Set-Cookie lines for the token the relay reads. Written by hand because the servlet Cookie API
 * spells SameSite differently per server. HttpOnly: page scripts can never read the token; SameSite=Strict:
 * other sites cannot make the browser send it; Path=/ and no Domain: the same rules as a {@code __Host-}
 * cookie, which adds Secure and so needs HTTPS (the tests run plain HTTP on 127.0.0.1).
 */
final class TokenCookie {

    private TokenCookie() {
    }

    static String set(String name, String token, boolean secure) {
        return name + "=" + token + attributes(secure);
    }

    /** Same name, path and attributes, empty value, Max-Age=0: the browser deletes it (RFC 6265 §5.3). */
    static String clear(String name, boolean secure) {
        return name + "=" + attributes(secure) + "; Max-Age=0";
    }

    private static String attributes(boolean secure) {
        return "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
