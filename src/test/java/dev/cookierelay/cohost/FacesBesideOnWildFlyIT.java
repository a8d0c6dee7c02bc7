package dev.cookierelay.cohost;

import dev.cookierelay.testing.RelayDeployment;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;

/**
 * The Faces app at {@code /} and the standalone relay WAR beside it on one WildFly, its context root moved to
 * {@code /relay} by its jboss-web.xml: what the deployment overlay in deploy/wildfly/README.md does on a
 * running server. The page calls /relay/api/proxy/**. Two deployments in one server: WildFly only (the
 * Payara Micro adapter starts one instance per deployment; FacesBesideOnPayaraMicroIT deploys the relay
 * with --deploy, as ops do).
 */
@Tag("wildfly-only")
class FacesBesideOnWildFlyIT extends CoHostedFacesApp {

    static final String RELAY_CONTEXT_ROOT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<jboss-web xmlns=\"urn:jboss:jakartaee:1.0\" version=\"15.0\">\n"
            + "    <context-root>/relay</context-root>\n"
            + "</jboss-web>\n";

    @ArquillianResource
    @OperateOnDeployment("faces")
    URL faces;

    @Deployment(name = "relay", order = 1, testable = false)
    static WebArchive relayAtSlashRelay() {
        WebArchive relay = RelayDeployment.war();
        relay.delete("WEB-INF/jboss-web.xml");
        relay.add(new StringAsset(RELAY_CONTEXT_ROOT), "WEB-INF/jboss-web.xml");
        return relay;
    }

    FacesBesideOnWildFlyIT() {
        super(FacesApp.RELAY_BESIDE);
    }

    @Deployment(name = "faces", order = 2, testable = false)
    static WebArchive facesAtTheRoot() {
        return FacesApp.withRelayBeside();
    }

    @Override
    URL facesApp() {
        return faces;
    }
}
