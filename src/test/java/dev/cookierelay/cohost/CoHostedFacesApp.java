package dev.cookierelay.cohost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.testing.RecordedRequest;
import dev.cookierelay.testing.RelayDeployment;
import dev.cookierelay.testing.StubBackend;
import java.net.HttpCookie;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a team co-hosting the relay with its Faces application must get, whichever way it is deployed:
 * its pages, session, servlets, JAX-RS application and error pages as before, and the relay on its own
 * paths forwarding the token cookie as a Bearer token, and nothing else of the origin's cookies.
 * Subclasses deploy the example (examples/faces-app) with the relay inside it or beside it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class CoHostedFacesApp {

    static final String USER = "alice";
    static final String PASSWORD = "wonderland";
    static final String TOKEN = "example-token-not-a-secret";
    static final String TOKEN_COOKIE = "auth_token";
    static final String TASKS = "[{\"id\":1,\"title\":\"Water the plants\"}]";

    private final String relayPath;
    StubBackend backend;
    FacesVisitor browser;

    /** @param relayPath the path the page calls for the relay: /relay inside the WAR, /relay/api beside it */
    CoHostedFacesApp(String relayPath) {
        this.relayPath = relayPath;
    }

    /** Where the Faces application answers (its context root is the site's root). */
    abstract URL facesApp();

    String relayPath() {
        return relayPath;
    }

    @BeforeEach
    void visit() throws Exception {
        backend = StubBackend.start(RelayDeployment.stubPort());
        backend.on("/base/tasks", (request, exchange) ->
                StubBackend.send(exchange, 200, "application/json", TASKS.getBytes(StandardCharsets.UTF_8)));
        browser = new FacesVisitor(facesApp());
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

    @Test
    void signingInSetsTheHttpOnlyTokenCookieAndTheFacesSessionHolds() throws Exception {
        assertThat(browser.get("/index.xhtml").headers().firstValue("Location"))
                .as("the signed-in page sends a stranger to the login form")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login.xhtml"));

        HttpResponse<String> signedIn = browser.signIn(USER, PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/index.xhtml"));
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .contains(TOKEN_COOKIE + "=" + TOKEN + "; Path=/; HttpOnly; SameSite=Strict");
        HttpCookie session = browser.cookie("JSESSIONID").orElseThrow();
        for (int visit = 1; visit <= 2; visit++) {
            HttpResponse<String> page = browser.get("/index.xhtml");
            assertThat(page.statusCode()).as("visit %d", visit).isEqualTo(200);
            assertThat(page.body()).contains("<strong id=\"user\">alice</strong>")
                    .contains("data-relay=\"" + relayPath() + "\"")
                    .doesNotContain(TOKEN);
            assertThat(browser.cookie("JSESSIONID")).map(HttpCookie::getValue).hasValue(session.getValue());
        }
    }

    @Test
    void theRelayForwardsTheTokenAsBearerAndNoneOfTheHostsCookies() throws Exception {
        browser.signIn(USER, PASSWORD);
        browser.holdHostCookie("host_csrf", "host-csrf-value");
        String sessionId = browser.cookie("JSESSIONID").orElseThrow().getValue();

        HttpResponse<String> tasks = browser.get(relayPath() + "/proxy/tasks?state=open&state=done");

        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(tasks.body()).isEqualTo(TASKS);
        assertThat(tasks.headers().firstValue("Content-Type")).hasValue("application/json");
        RecordedRequest received = backend.takeRequest();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.rawTarget()).isEqualTo("/base/tasks?state=open&state=done");
        assertThat(received.header("authorization")).containsExactly("Bearer " + TOKEN);
        assertThat(received.header("cookie")).as("no cookie of the origin reaches the backend").isEmpty();
        assertThat(received.headers()).allSatisfy(header -> assertThat(header.getValue())
                .doesNotContain(sessionId).doesNotContain("host-csrf-value"));
    }

    @Test
    void theHostsOwnServletIsNeitherRateLimitedNorCsrfCheckedNorGivenCors() throws Exception {
        browser.signIn(USER, PASSWORD);
        HttpRequest.Builder crossSite = browser.request("/host/echo")
                .header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("from elsewhere"));

        HttpResponse<String> host = browser.send(crossSite.build());

        assertThat(host.statusCode()).as("the host decides about its own paths").isEqualTo(200);
        assertThat(host.body()).isEqualTo("host echo: POST");
        assertThat(host.headers().map().keySet()).map(String::toLowerCase)
                .doesNotContain("ratelimit", "ratelimit-policy", "access-control-allow-origin", "retry-after");

        HttpResponse<String> trusted = browser.send(browser.request("/host/echo")
                .header("Origin", "https://app.example").GET().build());
        assertThat(trusted.body()).isEqualTo("host echo: GET");
        assertThat(trusted.headers().firstValue("Access-Control-Allow-Origin"))
                .as("the relay's trusted origins are the relay's, not the host's").isEmpty();

        HttpResponse<String> relay = browser.send(crossSite.uri(browser.uri(relayPath() + "/proxy/tasks")).build());

        assertThat(relay.statusCode()).as("the relay's own path keeps its CSRF rule").isEqualTo(403);
        assertThat(relay.body()).isEqualTo("{\"error\":\"Cross-origin request refused\"}");
        assertThat(relay.headers().firstValue("RateLimit-Policy")).isPresent();
        assertThat(backend.drainRequests(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void theHostsOwnJaxRsApplicationKeepsItsPath() throws Exception {
        HttpResponse<String> greeting = browser.get("/api/greeting");
        assertThat(greeting.statusCode()).isEqualTo(200);
        assertThat(greeting.body()).isEqualTo("hello from the host's own JAX-RS");

        HttpResponse<String> echo = browser.send(browser.request("/api/greeting")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("ping")).build());
        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(echo.body()).isEqualTo("the host's own JAX-RS got: ping");
        assertThat(echo.headers().firstValue("RateLimit-Policy")).isEmpty();
    }

    @Test
    void eachSideKeepsItsOwnNotFound() throws Exception {
        HttpResponse<String> hostMiss = browser.get("/no-such-page");
        assertThat(hostMiss.statusCode()).isEqualTo(404);
        assertThat(hostMiss.body()).contains("<h1 id=\"not-found\">This application has no such page</h1>");

        HttpResponse<String> relayMiss = browser.get(relayPath() + "/no-such-route/x");
        assertThat(relayMiss.statusCode()).isEqualTo(404);
        assertThat(relayMiss.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(relayMiss.body()).as("the host's error page never replaces the relay's answer")
                .isEqualTo("{\"error\":\"No such route\"}");
    }

    @Test
    void signingOutEndsTheRelaysAccess() throws Exception {
        browser.signIn(USER, PASSWORD);
        assertThat(browser.get(relayPath() + "/proxy/tasks").statusCode()).isEqualTo(200);
        backend.takeRequest();

        HttpResponse<String> signedOut = browser.signOut();

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.xhtml"));
        assertThat(browser.cookie(TOKEN_COOKIE)).as("the browser deleted the token cookie").isEmpty();
        HttpResponse<String> after = browser.get(relayPath() + "/proxy/tasks");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).isEqualTo("{\"error\":\"Not authenticated\"}");
        assertThat(backend.drainRequests(Duration.ofMillis(200))).isEmpty();
        assertThat(browser.get("/index.xhtml").headers().firstValue("Location"))
                .as("the Faces session ended too")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login.xhtml"));
    }
}
