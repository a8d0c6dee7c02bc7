package dev.cookierelay.cohost;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The relay as one dependency of the Faces app's own WAR, mounted at /relay (the app owns /api). */
class FacesInsideIT extends FacesAloneInItsServer {

    FacesInsideIT() {
        super("/relay");
    }

    @Deployment(testable = false)
    static WebArchive facesWithRelay() {
        return FacesApp.withRelayInside();
    }
}
