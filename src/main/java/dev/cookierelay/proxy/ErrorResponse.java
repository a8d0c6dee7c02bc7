package dev.cookierelay.proxy;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a relay-made error: a small JSON body that never carries a stack trace, host or token. */
public final class ErrorResponse {

    private ErrorResponse() {
    }

    public static void send(HttpServletResponse clientResponse, int status, String message) throws IOException {
        byte[] body = ("{\"error\":\"" + jsonEscape(message) + "\"}").getBytes(StandardCharsets.UTF_8);
        clientResponse.resetBuffer();
        clientResponse.setStatus(status);
        markRelayMade(clientResponse);
        clientResponse.setContentType("application/json");
        clientResponse.setContentLength(body.length);
        clientResponse.getOutputStream().write(body);
    }

    /** Headers on every response the relay makes itself (never on relayed backend responses). */
    public static void markRelayMade(HttpServletResponse clientResponse) {
        clientResponse.setHeader("Cache-Control", "no-store");
        clientResponse.setHeader("X-Content-Type-Options", "nosniff");
    }

    static String jsonEscape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
