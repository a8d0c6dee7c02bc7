/** The auth_token cookie's value, as ../floor/FloorRelay.java reads it. */
final class Cookies {

    private Cookies() {
    }

    static String token(String cookies) {
        for (String pair : cookies == null ? new String[0] : cookies.split(";")) {
            String trimmed = pair.trim();
            if (trimmed.startsWith("auth_token=")) {
                return trimmed.substring("auth_token=".length());
            }
        }
        return "";
    }
}
