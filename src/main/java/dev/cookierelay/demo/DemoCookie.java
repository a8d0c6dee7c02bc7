package dev.cookierelay.demo;

/** The exact Set-Cookie lines demo sign-in and sign-out send for the auth cookie. */
public final class DemoCookie {

    // HttpOnly: page scripts cannot read it (the whole point); SameSite=Strict: other sites cannot make
    // the browser send it; Path=/: it reaches /api/<route>/ on this origin. Real sign-in adds Secure (HTTPS).
    private static final String ATTRIBUTES = "; HttpOnly; SameSite=Strict; Path=/";

    private DemoCookie() {
    }

    public static String signIn(String cookieName, String token) {
        return cookieName + "=" + token + ATTRIBUTES;
    }

    /** Same name and path with an empty value and Max-Age=0: the browser deletes it (RFC 6265 §5.3 step 11). */
    public static String signOut(String cookieName) {
        return cookieName + "=" + ATTRIBUTES + "; Max-Age=0";
    }
}
