package org.clearance.console;

import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.clearance.security.Actor;

/**
 * Signing in through the organisation's identity provider (OpenID Connect authorization code flow), when the tenant
 * {@value #TENANT} is configured: Quarkus OIDC sends the browser to the provider and back, and this page turns the
 * provider's identity into a console session like a key's, so that every other page works the same way.
 */
@Path("/console/oidc")
public class OidcSignInPage {

    /** The OIDC tenant of the console's login: {@code quarkus.oidc.console.*} (docs/console.md). */
    static final String TENANT = "console";
    /** Where Quarkus OIDC answers for the tenant: its tenant-paths. */
    static final String PATH = "/console/oidc";

    private final ConsoleSessions sessions;
    private final SecurityIdentity identity;

    OidcSignInPage(ConsoleSessions sessions, SecurityIdentity identity) {
        this.sessions = sessions;
        this.identity = identity;
    }

    @GET
    @Path("/login")
    @Authenticated
    public Response login() {
        // Only the provider's own login opens a session here; a key has the sign-in form.
        if (!TENANT.equals(identity.getAttribute("tenant-id"))) {
            throw new ForbiddenException("This address signs in through the identity provider only.");
        }
        ConsoleSessions.Opened opened = sessions.open(new Actor(identity.getPrincipal().getName(), identity.getRoles()));
        return ConsolePaths.redirect(ConsolePaths.HOME, SignInPage.cookie(ConsoleSessionMechanism.COOKIE, opened.token()));
    }
}
