import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;

/**
 * Candidate floor: Apache HttpClient 5 async behind the same bare servlet as ../floor/FloorRelay.java:
 * cookie -> Bearer, status, type, length and body copied, nothing else (its simple consumer buffers the body).
 */
public class ApacheFloor {

    static final String BACKEND = System.getenv("BACKEND_URL");
    static final CloseableHttpAsyncClient CLIENT = start();

    static CloseableHttpAsyncClient start() {
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(512).setMaxConnPerRoute(512).build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAutomaticRetries()
                .build();
        client.start();
        return client;
    }

    @WebServlet(urlPatterns = "/api/proxy/*")
    public static class Relay extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            SimpleRequestBuilder backend = SimpleRequestBuilder.create(request.getMethod())
                    .setUri(BACKEND + request.getPathInfo())
                    .addHeader("Authorization", "Bearer " + Cookies.token(request.getHeader("Cookie")));
            if (request.getContentLengthLong() > 0) {
                backend.setBody(request.getInputStream().readAllBytes(), ContentType.parse(request.getContentType()));
            }
            try {
                SimpleHttpResponse answer = CLIENT.execute(backend.build(), null).get(30, TimeUnit.SECONDS);
                response.setStatus(answer.getCode());
                Header type = answer.getFirstHeader("Content-Type");
                if (type != null) {
                    response.setContentType(type.getValue());
                }
                byte[] body = answer.getBodyBytes();
                if (body != null) {
                    response.setContentLength(body.length);
                    response.getOutputStream().write(body);
                }
            } catch (Exception e) {
                response.sendError(502);
            }
        }
    }
}
