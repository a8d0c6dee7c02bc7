package dev.cookierelay.cohost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser stand-in for the Faces example: it keeps cookies (the app's JSESSIONID, the token cookie the
 * login sets) the way a browser does, posts Faces forms with their view state, and follows no redirect by
 * itself, so a test sees each one.
 */
final class FacesVisitor {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    FacesVisitor(URL base) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the login form, as a person would, and lands on the signed-in page. */
    HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login.xhtml");
        assertThat(form.statusCode()).as("GET /login.xhtml").isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("login", "login");
        fields.put("login:user", user);
        fields.put("login:password", password);
        fields.put("login:signIn", "Sign in");
        fields.put("jakarta.faces.ViewState", viewState(form.body()));
        return post("/login.xhtml", fields);
    }

    /** Presses "Sign out" on the signed-in page. */
    HttpResponse<String> signOut() throws IOException, InterruptedException {
        HttpResponse<String> page = get("/index.xhtml");
        assertThat(page.statusCode()).as("GET /index.xhtml").isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("session", "session");
        fields.put("session:signOut", "Sign out");
        fields.put("jakarta.faces.ViewState", viewState(page.body()));
        return post("/index.xhtml", fields);
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String form = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    /** A cookie of this origin the browser holds, as the server set it. */
    Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().get(base).stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    /** A cookie the host application's own pages set (its CSRF cookie, say): the browser sends it too. */
    void holdHostCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    private static String viewState(String page) {
        Matcher matcher = VIEW_STATE.matcher(page);
        assertThat(matcher.find()).as("the page carries a Faces view state").isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
