package org.clearance.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What the console shows instead of a problem document: the same status, title and detail as a page (never a stack
 * trace), and for a visitor who is not signed in, the sign-in form.
 */
public final class ConsoleErrorPage {

    @CheckedTemplate(basePath = "ConsoleErrorPage")
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    private ConsoleErrorPage() {
    }

    /** Whether a request path is the console's, whose errors are pages. */
    public static boolean isConsole(String path) {
        return path != null && (path.equals(ConsolePaths.HOME) || path.startsWith(ConsolePaths.HOME + "/"));
    }

    /** The identity provider's login, whose challenge is the provider's, not the sign-in form. */
    public static boolean isProviderLogin(String path) {
        return path != null && path.startsWith(OidcSignInPage.PATH + "/");
    }

    public static Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.error(status, title, detail)).build();
    }

    /** Not signed in, or the session ended: to the sign-in form. */
    public static Response signIn() {
        return ConsolePaths.redirect(ConsolePaths.SIGN_IN);
    }
}
