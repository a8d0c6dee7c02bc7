import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The boot-time floor: a WAR with one CDI bean injected into one servlet. The relay needs CDI (MicroProfile
 * Config injection, MicroProfile Health checks), and Payara Micro boots Weld and its MicroProfile
 * extensions for the first WAR that has a bean; this WAR measures that alone.
 */
public class OneBean {

    @ApplicationScoped
    public static class Greeting {
        String text() {
            return "ok";
        }
    }

    @WebServlet(urlPatterns = "/one-bean")
    public static class Greeter extends HttpServlet {
        @Inject
        Greeting greeting;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().write(greeting.text());
        }
    }
}
