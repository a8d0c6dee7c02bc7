package dev.cookierelay.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.testing.RelayClient;
import dev.cookierelay.testing.RelayDeployment;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With default settings the shipped WAR has no demo: no page, no way to get a cookie without real sign-in. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoDisabledIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RelayDeployment.war();
    }

    @ArquillianResource
    URL base;

    @ParameterizedTest
    @ValueSource(strings = {"/demo", "/demo/", "/demo/index.html", "/demo/demo.js", "/demo/demo.css", "/demo/sign-in"})
    void demoPathsAnswer404(String path) throws Exception {
        RelayClient relay = new RelayClient(base);

        HttpResponse<String> response = relay.sendForString(HttpRequest.newBuilder(relay.uri(path)).GET().build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"Not found\"}");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void signInAnswers404AndSetsNoCookie() throws Exception {
        RelayClient relay = new RelayClient(base);

        HttpResponse<String> response = relay.sendForString(HttpRequest.newBuilder(relay.uri("/demo/sign-in"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.body()).doesNotContain("demo-token");
    }

    @Test
    void signOutAnswers404() throws Exception {
        RelayClient relay = new RelayClient(base);

        HttpResponse<String> response = relay.sendForString(HttpRequest.newBuilder(relay.uri("/demo/sign-out"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }
}
