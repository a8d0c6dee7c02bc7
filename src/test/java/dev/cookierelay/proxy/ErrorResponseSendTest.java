package dev.cookierelay.proxy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorResponseSendTest {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Map<String, Object> set = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();

    /** Only the methods ErrorResponse uses are recorded; any other call fails the test. */
    private HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    switch (method.getName()) {
                        case "getOutputStream" -> {
                            return out;
                        }
                        case "setHeader" -> set.put((String) args[0], args[1]);
                        case "setStatus" -> set.put("status", args[0]);
                        case "setContentType" -> set.put("content-type", args[0]);
                        case "setContentLength" -> set.put("content-length", args[0]);
                        case "resetBuffer" -> body.reset();
                        default -> throw new AssertionError("unexpected call " + method.getName());
                    }
                    return null;
                });
    }

    @Test
    void sendsJsonErrorWithStatusAndRelayHeaders() throws IOException {
        ErrorResponse.send(response(), 401, "Not authenticated");

        assertThat(body.toString(UTF_8)).isEqualTo("{\"error\":\"Not authenticated\"}");
        assertThat(set).containsEntry("status", 401)
                .containsEntry("content-type", "application/json")
                .containsEntry("Cache-Control", "no-store")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("content-length", body.size());
    }

    @Test
    void contentLengthCountsBytesNotCharacters() throws IOException {
        ErrorResponse.send(response(), 400, "caf\u00e9 \u20ac \"q\"");

        assertThat(body.toString(UTF_8)).isEqualTo("{\"error\":\"caf\u00e9 \u20ac \\\"q\\\"\"}");
        assertThat(set).containsEntry("content-length", body.toByteArray().length);
    }

    @Test
    void discardsWhateverWasBufferedBefore() throws IOException {
        HttpServletResponse response = response();
        response.getOutputStream().write("partial".getBytes(UTF_8));

        ErrorResponse.send(response, 502, "Backend unreachable");

        assertThat(body.toString(UTF_8)).isEqualTo("{\"error\":\"Backend unreachable\"}");
        assertThat(calls.indexOf("resetBuffer")).isLessThan(calls.lastIndexOf("getOutputStream"));
    }
}
