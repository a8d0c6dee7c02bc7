package dev.cookierelay.cohost;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import dev.cookierelay.testing.RelayDeployment;

/**
 * The Faces example exactly as the build made it (examples/faces-app), in the two shapes users deploy: with
 * the relay jar in its WEB-INF/lib, or stripped of it to run beside the standalone relay WAR.
 */
final class FacesApp {

    static final String WEB_XML = "WEB-INF/web.xml";
    static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";
    /** Where the page finds the standalone relay WAR beside the app: context root /relay, its default mount /api. */
    static final String RELAY_BESIDE = "/relay/api";

    private FacesApp() {
    }

    /** As built: the relay jar and its dependencies inside, mounted at /relay by the app's own config. */
    static WebArchive withRelayInside() {
        File war = new File(System.getProperty("faces.war", "target/examples/faces-app/target/faces-app.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("No Faces example at " + war + ": run the ITs with 'mvn verify'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /**
     * The same application, relay-free, so the page calls the standalone relay WAR at {@link #RELAY_BESIDE}:
     * every jar the standalone WAR carries is removed, and EXAMPLE_RELAY_PATH is set in the app's config.
     */
    static WebArchive withRelayBeside() {
        WebArchive app = withRelayInside();
        Set<String> relayJars = RelayDeployment.war().getContent().keySet().stream()
                .map(ArchivePath::get)
                .filter(path -> path.startsWith("/WEB-INF/lib/"))
                .collect(Collectors.toSet());
        relayJars.forEach(app::delete);
        String config = text(app, CONFIG).replace("EXAMPLE_RELAY_PATH=", "EXAMPLE_RELAY_PATH=" + RELAY_BESIDE);
        app.delete(CONFIG);
        app.add(new StringAsset(config), CONFIG);
        return app;
    }

    /**
     * With {@code <absolute-ordering>} in the app's web.xml, the fragment order a host may pin: the relay's
     * fragment (named cookie_relay) before or after all others, so the tests cover both orders.
     */
    static WebArchive ordered(WebArchive app, boolean relayFirst) {
        String ordering = relayFirst
                ? "<absolute-ordering><name>cookie_relay</name><others/></absolute-ordering>"
                : "<absolute-ordering><others/><name>cookie_relay</name></absolute-ordering>";
        String webXml = text(app, WEB_XML).replace("</display-name>", "</display-name>\n    " + ordering);
        app.delete(WEB_XML);
        app.add(new StringAsset(webXml), WEB_XML);
        return app;
    }

    static String text(WebArchive app, String path) {
        Node node = app.get(ArchivePaths.create(path));
        if (node == null) {
            throw new IllegalStateException(path + " is missing from " + app.getName());
        }
        try (InputStream in = node.getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
