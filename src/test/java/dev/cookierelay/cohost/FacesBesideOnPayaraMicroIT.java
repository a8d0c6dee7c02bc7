package dev.cookierelay.cohost;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;

/**
 * The Faces app at {@code /} and the standalone relay WAR beside it in one Payara Micro, started the way ops
 * start it: {@code --deploy cookie-relay.war:/relay} (arquillian.xml, qualifier payara-micro-beside), so the
 * page calls /relay/api/proxy/**. Runs in its own failsafe execution, which starts that instance.
 */
@Tag("payara-micro-beside")
class FacesBesideOnPayaraMicroIT extends FacesAloneInItsServer {

    FacesBesideOnPayaraMicroIT() {
        super(FacesApp.RELAY_BESIDE);
    }

    @Deployment(testable = false)
    static WebArchive facesAtTheRoot() {
        return FacesApp.withRelayBeside();
    }
}
