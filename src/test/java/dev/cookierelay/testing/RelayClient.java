package dev.cookierelay.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The test's browser stand-in: calls the relay with or without the auth cookie. */
public final class RelayClient {

    public static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.dGVzdC11c2Vy.c2lnbmF0dXJl";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public RelayClient(URL base) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
    }

    public URI uri(String rawPathAndQuery) {
        return URI.create(base + rawPathAndQuery);
    }

    public String host() {
        return base.getHost();
    }

    public int port() {
        return base.getPort();
    }

    /** A request builder with the auth cookie set, as the browser would send it. */
    public HttpRequest.Builder signedIn(String rawPathAndQuery) {
        return HttpRequest.newBuilder(uri(rawPathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Cookie", "auth_token=" + TOKEN);
    }

    public HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> sendForString(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpClient http() {
        return http;
    }
}
