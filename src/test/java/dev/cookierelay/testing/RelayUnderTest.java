package dev.cookierelay.testing;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box ITs: the shipped WAR in the server under test, a fresh recording stub backend
 * on the port BACKEND_URL points at for every test, and a client that calls the relay like a browser.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class RelayUnderTest {

    @ArquillianResource
    protected URL base;

    protected StubBackend backend;
    protected RelayClient relay;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return RelayDeployment.war();
    }

    @BeforeEach
    void startBackend() throws Exception {
        backend = StubBackend.start(RelayDeployment.stubPort());
        relay = new RelayClient(base);
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }
}
