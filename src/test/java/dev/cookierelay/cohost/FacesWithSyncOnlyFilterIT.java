package dev.cookierelay.cohost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.testing.RelayDeployment;
import dev.cookierelay.testing.StubBackend;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A host whose own filter at /* is not async-supported: the host's pages keep working, and the relay, which
 * cannot stream behind it, says so in a JSON 500 of its own (and its log says how to fix it) instead of the
 * server's error page with a stack trace. Nothing reaches the backend.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FacesWithSyncOnlyFilterIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive facesWithASyncOnlyFilter() {
        return FacesApp.withRelayInside().addClass(SyncOnlyHostFilter.class);
    }

    @Test
    void theHostWorksAndTheRelayExplainsWhyItCannot() throws Exception {
        try (StubBackend backend = StubBackend.start(RelayDeployment.stubPort())) {
            FacesVisitor browser = new FacesVisitor(base);

            HttpResponse<String> host = browser.get("/host/echo");
            assertThat(host.statusCode()).isEqualTo(200);
            assertThat(host.body()).isEqualTo("host echo: GET");
            assertThat(host.headers().firstValue("X-Host-Filter")).hasValue("saw /host/echo");

            browser.signIn(CoHostedFacesApp.USER, CoHostedFacesApp.PASSWORD);
            HttpResponse<String> relay = browser.get("/relay/proxy/tasks");

            assertThat(relay.statusCode()).isEqualTo(500);
            assertThat(relay.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            assertThat(relay.body())
                    .isEqualTo("{\"error\":\"The relay cannot answer behind a filter that is not async-supported\"}");
            assertThat(backend.drainRequests(Duration.ofMillis(200))).isEmpty();
        }
    }
}
