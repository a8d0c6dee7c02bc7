package dev.cookierelay.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.testing.HealthEndpoint;
import dev.cookierelay.testing.RelayClient;
import dev.cookierelay.testing.RelayDeployment;
import dev.cookierelay.testing.StubBackend;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Liveness and readiness as a load balancer sees them. The build points route {@code down} at a closed port
 * and probes every second, so readiness changes within a few seconds of a backend going up or down.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    private static final Duration SETTLE = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RelayDeployment.war();
    }

    @ArquillianResource
    URL base;

    StubBackend backend;
    HealthEndpoint health;

    @BeforeEach
    void startBackend() throws Exception {
        backend = StubBackend.start(RelayDeployment.stubPort());
        health = new HealthEndpoint(base);
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

    @Test
    void readyIsUpWhileEveryRouteBackendAcceptsConnections() throws Exception {
        // Something listens on the "down" route's port for this test only; nobody needs to accept.
        try (ServerSocket downRouteBackend = new ServerSocket(RelayDeployment.closedPort(), 50, InetAddress.getLoopbackAddress())) {
            HealthEndpoint.Answer ready = health.await("/ready", answer -> answer.status() == 200, SETTLE);

            assertThat(ready.status()).as(ready.rawBody()).isEqualTo(200);
            assertThat(ready.overallStatus()).isEqualTo("UP");
            JsonObject check = ready.check(ReadinessCheck.NAME).orElseThrow();
            assertThat(check.getString("status")).isEqualTo("UP");
            assertThat(check.getJsonObject("data").getString("proxy")).isEqualTo("UP");
            assertThat(check.getJsonObject("data").getString("chatkit")).isEqualTo("UP");
            assertThat(check.getJsonObject("data").getString("down")).isEqualTo("UP");
        }
    }

    @Test
    void readyIsDownNamingTheRouteWhoseBackendIsUnreachable() throws Exception {
        HealthEndpoint.Answer ready = health.await("/ready", answer -> answer.check(ReadinessCheck.NAME)
                .map(check -> check.getJsonObject("data").getString("proxy", "").equals("UP")
                        && check.getJsonObject("data").getString("down", "").equals("DOWN"))
                .orElse(false), SETTLE);

        assertThat(ready.status()).as(ready.rawBody()).isEqualTo(503);
        assertThat(ready.overallStatus()).isEqualTo("DOWN");
        JsonObject check = ready.check(ReadinessCheck.NAME).orElseThrow();
        assertThat(check.getString("status")).isEqualTo("DOWN");
        assertThat(check.getJsonObject("data").getString("down")).isEqualTo("DOWN");
        assertThat(check.getJsonObject("data").getString("proxy")).isEqualTo("UP");
    }

    @Test
    void readyTurnsDownForTheDefaultRouteWhenItsBackendStops() throws Exception {
        backend.close();

        HealthEndpoint.Answer ready = health.await("/ready", answer -> answer.check(ReadinessCheck.NAME)
                .map(check -> check.getJsonObject("data").getString("proxy", "").equals("DOWN")).orElse(false), SETTLE);

        JsonObject check = ready.check(ReadinessCheck.NAME).orElseThrow();
        assertThat(check.getJsonObject("data").getString("proxy")).as(ready.rawBody()).isEqualTo("DOWN");
        assertThat(ready.status()).isEqualTo(503);
    }

    @Test
    void readinessOutputCarriesNoTargetAddressOrToken() throws Exception {
        HealthEndpoint.Answer ready = health.get("/ready");

        assertThat(ready.rawBody())
                .contains(ReadinessCheck.NAME)
                .doesNotContain("127.0.0.1", "localhost", "http:", String.valueOf(RelayDeployment.stubPort()),
                        String.valueOf(RelayDeployment.closedPort()), RelayClient.TOKEN, "taskflow_id_token");
    }

    @Test
    void liveIsUpEvenWhileABackendIsDown() throws Exception {
        HealthEndpoint.Answer live = health.get("/live");

        assertThat(live.status()).as(live.rawBody()).isEqualTo(200);
        assertThat(live.check(LivenessCheck.NAME).orElseThrow().getString("status")).isEqualTo("UP");
    }
}
