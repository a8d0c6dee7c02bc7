package dev.cookierelay.examples.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The login form. A real application checks the user with its identity provider and receives an access
 * token; here one configured account gets the configured token. Either way the token goes into an
 * httpOnly cookie and nowhere else: not into the page, not into the session.
 */
@Named
@RequestScoped
public class LoginForm {

    @Inject
    ExampleSettings settings;

    @Inject
    UserSession session;

    private String user;
    private String password;

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String signIn() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!same(user, settings.user()) || !same(password, settings.password())) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Unknown user or wrong password", null));
            return null;
        }
        ExternalContext external = faces.getExternalContext();
        // A new session id at sign-in, so a session id planted before it cannot ride along (session fixation).
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.getSession(true);
        request.changeSessionId();
        session.signedIn(user);
        external.addResponseHeader("Set-Cookie",
                TokenCookie.set(settings.cookieName(), settings.apiToken(), request.isSecure()));
        return "/index.xhtml?faces-redirect=true";
    }

    private static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
