package dev.cookierelay.examples.faces;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/**
 * The signed-in user, kept in the application's own HTTP session (its JSESSIONID cookie). The relay never
 * sees this session: it reads only the token cookie, and the backend receives neither cookie.
 */
@Named
@SessionScoped
public class UserSession implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ExampleSettings settings;

    private String user;

    public String getUser() {
        return user;
    }

    public boolean isSignedIn() {
        return user != null;
    }

    void signedIn(String name) {
        user = name;
    }

    /** The view action of every signed-in page: back to the login form without a session user. */
    public String requireSignIn() {
        return isSignedIn() ? null : "/login.xhtml?faces-redirect=true";
    }

    /** Ends the session and deletes the token cookie: the relay's next answer is 401. */
    public String signOut() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        boolean secure = ((HttpServletRequest) external.getRequest()).isSecure();
        external.addResponseHeader("Set-Cookie", TokenCookie.clear(settings.cookieName(), secure));
        external.invalidateSession();
        return "/login.xhtml?faces-redirect=true";
    }

    /** The path the page's JavaScript calls for the relay, such as /relay (inside) or /relay/api (beside). */
    public String getRelayPath() {
        return settings.relayPath(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath());
    }
}
