package dev.cookierelay.cohost;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The relay inside the Faces app's WAR, whose web.xml pins the fragment order with {@code <absolute-ordering>}:
 * the relay's fragment (cookie_relay) after all others. The host keeps working and the relay mounts either way.
 */
class FacesInsideRelayLastIT extends FacesAloneInItsServer {

    FacesInsideRelayLastIT() {
        super("/relay");
    }

    @Deployment(testable = false)
    static WebArchive facesWithRelayLast() {
        return FacesApp.ordered(FacesApp.withRelayInside(), false);
    }
}
