package dev.cookierelay.examples.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The example's settings, from MicroProfile Config like the relay's (microprofile-config.properties). */
@ApplicationScoped
public class ExampleSettings {

    @Inject
    @ConfigProperty(name = "EXAMPLE_USER")
    String user;

    @Inject
    @ConfigProperty(name = "EXAMPLE_PASSWORD")
    String password;

    @Inject
    @ConfigProperty(name = "EXAMPLE_API_TOKEN")
    String apiToken;

    @Inject
    @ConfigProperty(name = "AUTH_COOKIE_NAME")
    String cookieName;

    @Inject
    @ConfigProperty(name = "EXAMPLE_RELAY_PATH")
    Optional<String> relayPath; // MicroProfile Config reads an empty value as unset

    @Inject
    @ConfigProperty(name = "RELAY_MOUNT_PATH", defaultValue = "/api")
    String relayMount;

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String apiToken() {
        return apiToken;
    }

    String cookieName() {
        return cookieName;
    }

    /** The path the page calls for the relay: its own setting, else the relay mounted in this WAR. */
    String relayPath(String contextPath) {
        return relayPath.map(String::strip).orElse(contextPath + relayMount.strip());
    }
}
