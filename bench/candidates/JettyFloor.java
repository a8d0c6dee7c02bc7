import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Candidate floor: Jetty's HttpClient 12 (what Jetty's own ProxyServlet uses) behind the same bare servlet as
 * ../floor/FloorRelay.java: cookie -> Bearer, status, type, length and body copied, nothing else.
 */
public class JettyFloor {

    static final String BACKEND = System.getenv("BACKEND_URL");
    static final HttpClient CLIENT = start();

    static HttpClient start() {
        HttpClient client = new HttpClient();
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        client.setMaxConnectionsPerDestination(512);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return client;
    }

    @WebServlet(urlPatterns = "/api/proxy/*")
    public static class Relay extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Request backend = CLIENT.newRequest(BACKEND + request.getPathInfo()).method(request.getMethod())
                    .headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer " + Cookies.token(request.getHeader("Cookie"))));
            if (request.getContentLengthLong() > 0) {
                backend.body(new BytesRequestContent(request.getContentType(), request.getInputStream().readAllBytes()));
            }
            InputStreamResponseListener listener = new InputStreamResponseListener();
            backend.send(listener);
            try {
                Response answer = listener.get(30, TimeUnit.SECONDS);
                response.setStatus(answer.getStatus());
                String type = answer.getHeaders().get(HttpHeader.CONTENT_TYPE);
                if (type != null) {
                    response.setContentType(type);
                }
                long length = answer.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
                if (length >= 0) {
                    response.setContentLengthLong(length);
                }
                try (InputStream body = listener.getInputStream()) {
                    body.transferTo(response.getOutputStream());
                }
            } catch (Exception e) {
                response.sendError(502);
            }
        }
    }
}
