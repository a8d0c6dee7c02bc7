package dev.cookierelay.cohost;

import dev.cookierelay.testing.RelayDeployment;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.setup.SystemPropertyServerSetupTask;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;

/**
 * The Faces app at {@code /} and the standalone relay WAR, unchanged, beside it on one WildFly: the server's
 * system property RELAY_CONTEXT_ROOT=/relay moves the relay (its jboss-web.xml reads it), as
 * deploy/wildfly/README.md tells ops to do. The page calls /relay/api/proxy/**. Two deployments in one server:
 * WildFly only (the Payara Micro adapter starts one instance per deployment; FacesBesideOnPayaraMicroIT
 * deploys the relay with --deploy, as ops do).
 */
@Tag("wildfly-only")
@ServerSetup(FacesBesideOnWildFlyIT.RelayContextRoot.class)
class FacesBesideOnWildFlyIT extends CoHostedFacesApp {

    /** /system-property=RELAY_CONTEXT_ROOT:add(value=/relay) before the deployments, removed after them. */
    public static final class RelayContextRoot extends SystemPropertyServerSetupTask {
        public RelayContextRoot() {
            super(Map.of("RELAY_CONTEXT_ROOT", "/relay"));
        }
    }

    @ArquillianResource
    @OperateOnDeployment("faces")
    URL faces;

    @Deployment(name = "relay", order = 1, testable = false)
    static WebArchive relayAtSlashRelay() {
        return RelayDeployment.war();
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
