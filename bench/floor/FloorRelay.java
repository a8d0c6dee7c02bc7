import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's floor: the least a relay on Payara Micro with the JDK HttpClient can do. It turns the
 * auth_token cookie into a Bearer header and copies status, type, length and body, with none of the
 * relay's checks (no routes, header policy, CSRF, limits, timeouts or streaming without a thread).
 * Whatever cookie-relay costs above this row is the relay's own; the gap from here to nginx is the stack's.
 * Not a product: it trusts its input, buffers uploads and blocks a request thread per call.
 */
public class FloorRelay {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(Runnable::run)
            .build();
    static final String BACKEND = System.getenv("BACKEND_URL");
    static final byte[] SMALL = ("{\"id\":12345,\"name\":\"benchmark item\",\"status\":\"active\",\"tags\":[\"alpha\",\"beta\"],"
            + "\"score\":98.6,\"updated\":\"2025-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);

    /** The JDK client behind a servlet, nothing else. */
    @WebServlet(urlPatterns = "/api/proxy/*")
    public static class Relay extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            HttpRequest.Builder backend = HttpRequest.newBuilder(URI.create(BACKEND + request.getPathInfo()))
                    .header("Authorization", "Bearer " + token(request.getHeader("Cookie")));
            if (request.getContentLengthLong() > 0) {
                backend.header("Content-Type", request.getContentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.getInputStream().readAllBytes()));
            }
            try {
                HttpResponse<InputStream> answer = CLIENT.send(backend.build(), HttpResponse.BodyHandlers.ofInputStream());
                response.setStatus(answer.statusCode());
                answer.headers().firstValue("content-type").ifPresent(response::setContentType);
                answer.headers().firstValueAsLong("content-length").ifPresent(response::setContentLengthLong);
                try (InputStream body = answer.body()) {
                    body.transferTo(response.getOutputStream());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response.sendError(502);
            }
        }

        private static String token(String cookies) {
            for (String pair : cookies == null ? new String[0] : cookies.split(";")) {
                String trimmed = pair.trim();
                if (trimmed.startsWith("auth_token=")) {
                    return trimmed.substring("auth_token=".length());
                }
            }
            return "";
        }
    }

    /** Payara answering by itself, the same 120-byte JSON: what the container alone costs. */
    @WebServlet(urlPatterns = "/container/*")
    public static class Container extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.setContentLength(SMALL.length);
            response.getOutputStream().write(SMALL);
        }
    }
}
