package dev.cookierelay.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that {@code mvn package} built, so every IT tests exactly what ships. */
public final class RelayDeployment {

    private RelayDeployment() {
    }

    public static WebArchive war() {
        File war = new File(System.getProperty("relay.war", "target/cookie-relay.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("No WAR at " + war + ": run the ITs with 'mvn verify'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** Port of the stub backend that BACKEND_URL points at (reserved by the build). */
    public static int stubPort() {
        return Integer.getInteger("it.stub.port");
    }

    /** A reserved port that nothing listens on: the "down" route's target. */
    public static int closedPort() {
        return Integer.getInteger("it.closed.port");
    }

    public static int idleTimeoutSeconds() {
        return Integer.getInteger("it.backend.idle.seconds");
    }

    public static int backendTimeoutSeconds() {
        return Integer.getInteger("it.backend.timeout.seconds");
    }
}
