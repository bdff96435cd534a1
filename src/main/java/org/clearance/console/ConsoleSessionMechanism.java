package org.clearance.console;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads the console's session cookie, on console pages only: the API never accepts it, so a page on another site
 * cannot make a signed-in browser call the API. An ended session counts as no session, and a console page that needs
 * one then sends the browser to sign in.
 */
@ApplicationScoped
public class ConsoleSessionMechanism implements HttpAuthenticationMechanism {

    /** {@code __Host-}: the browser keeps it only if Secure, for this host alone and the whole site. */
    public static final String COOKIE = "__Host-clearance-session";
    static final String PATH = "/console";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(COOKIE);
        if (cookie == null || !isConsole(context) || isProviderLogin(context)
                || context.request().getHeader("Authorization") != null) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                        new ConsoleSessionRequest(cookie.getValue()), context))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!isConsole(context) || isProviderLogin(context)) {
            // The API's own mechanisms answer 401; the provider's login redirects to the provider.
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(303, "Location", ConsolePaths.SIGN_IN));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ConsoleSessionRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, COOKIE));
    }

    @Override
    public int getPriority() {
        // Before the API key mechanism, whose challenge (401) would otherwise answer console pages.
        return 3000;
    }

    private static boolean isProviderLogin(RoutingContext context) {
        return context.normalizedPath().startsWith(OidcSignInPage.PATH + "/");
    }

    private static boolean isConsole(RoutingContext context) {
        String path = context.normalizedPath();
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }
}
