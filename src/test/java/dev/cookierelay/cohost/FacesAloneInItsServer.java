package dev.cookierelay.cohost;

import java.net.URL;
import org.jboss.arquillian.test.api.ArquillianResource;

/** The co-hosting contract for a test that deploys the Faces app as the server's only Arquillian deployment. */
abstract class FacesAloneInItsServer extends CoHostedFacesApp {

    @ArquillianResource
    URL base;

    FacesAloneInItsServer(String relayPath) {
        super(relayPath);
    }

    @Override
    URL facesApp() {
        return base;
    }
}
