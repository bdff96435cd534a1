package org.clearance.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.clearance.security.ApiKeyToken;

/**
 * Signing in with an API key, and out. The key is sent once, in a form; from then on the browser holds only the
 * session cookie. The sign-in form has a token of its own (a cookie and the same value in the form), so that another
 * site cannot sign a browser in under its own key.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    static final String SIGN_IN_COOKIE = "__Host-clearance-sign-in";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String csrfToken, String problem, boolean providerLogin);
    }

    private final ConsoleSessions sessions;
    private final ConsoleContext console;
    private final SecurityIdentity identity;

    SignInPage(ConsoleSessions sessions, ConsoleContext console, SecurityIdentity identity) {
        this.sessions = sessions;
        this.console = console;
        this.identity = identity;
    }

    @GET
    @Path("/sign-in")
    @PermitAll
    public Response form() {
        if (!identity.isAnonymous()) {
            return ConsolePaths.redirect(ConsolePaths.HOME);
        }
        return page(Response.Status.OK, null);
    }

    @POST
    @Path("/sign-in")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("key") String key, @FormParam("_csrf") String formToken,
                           @CookieParam(SIGN_IN_COOKIE) String cookieToken) {
        if (formToken == null || cookieToken == null || !MessageDigest.isEqual(
                formToken.getBytes(StandardCharsets.UTF_8), cookieToken.getBytes(StandardCharsets.UTF_8))) {
            return page(Response.Status.FORBIDDEN, "The sign-in form was out of date. Please enter your key again.");
        }
        Optional<ApiKeyToken> token = ApiKeyToken.parse(key);
        if (token.isEmpty()) {
            return page(Response.Status.BAD_REQUEST, "That is not an API key: a key looks like "
                    + ApiKeyToken.PREFIX + "0123456789ab_ followed by 43 characters.");
        }
        return sessions.open(token.get())
                .map(opened -> ConsolePaths.redirect(ConsolePaths.HOME,
                        cookie(ConsoleSessionMechanism.COOKIE, opened.token()), expired(SIGN_IN_COOKIE)))
                .orElseGet(() -> page(Response.Status.UNAUTHORIZED, "That key is unknown, revoked or expired."));
    }

    @POST
    @Path("/sign-out")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("_csrf") String formToken) {
        console.checkForm(formToken);
        sessions.close(console.sessionToken(), console.actor());
        return ConsolePaths.redirect(ConsolePaths.SIGN_IN, expired(ConsoleSessionMechanism.COOKIE));
    }

    /** The form with a fresh token in it and in its cookie; a stale session cookie is dropped. */
    private Response page(Response.Status status, String problem) {
        String token = ConsoleSessions.randomToken();
        return Response.status(status).entity(Templates.signIn(token, problem, providerConfigured()))
                .cookie(cookie(SIGN_IN_COOKIE, token), expired(ConsoleSessionMechanism.COOKIE)).build();
    }

    /** Whether the identity provider's login is set up: the console's OIDC tenant has a provider. */
    private static boolean providerConfigured() {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return config.getOptionalValue("quarkus.oidc." + OidcSignInPage.TENANT + ".auth-server-url", String.class).isPresent()
                && config.getOptionalValue("quarkus.oidc." + OidcSignInPage.TENANT + ".tenant-enabled", Boolean.class).orElse(true);
    }

    /**
     * HttpOnly (no script reads it), Secure (HTTPS only; browsers treat localhost as secure), SameSite=Lax (not sent
     * with another site's forms; still sent when an officer follows a link to a case from an e-mail).
     */
    static NewCookie cookie(String name, String value) {
        return new NewCookie.Builder(name).value(value).path("/").secure(true).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    static NewCookie expired(String name) {
        return new NewCookie.Builder(name).value("").path("/").secure(true).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }
}
