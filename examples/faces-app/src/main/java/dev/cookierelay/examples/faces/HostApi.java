package dev.cookierelay.examples.faces;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The application's own JAX-RS API at /api: the reason this application mounts the relay at /relay. */
@ApplicationPath("/api")
public class HostApi extends Application {
}
