package org.clearance.console;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a console session cookie into the identity of the API key that opened it, with the session's CSRF token. */
@ApplicationScoped
public class ConsoleSessionIdentityProvider implements IdentityProvider<ConsoleSessionRequest> {

    /** The identity attribute holding the token that the session's forms must send back. */
    static final String CSRF_TOKEN = "clearance.console.csrf";
    /** The identity attribute holding the session's own token, for signing out. */
    static final String SESSION_TOKEN = "clearance.console.session";

    private final ConsoleSessions sessions;

    ConsoleSessionIdentityProvider(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<ConsoleSessionRequest> getRequestType() {
        return ConsoleSessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ConsoleSessionRequest request, AuthenticationRequestContext context) {
        // The look-up reads the database: off the event loop.
        return context.runBlocking(() -> sessions.resolve(request.token())
                .<SecurityIdentity>map(session -> QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(session.actor().name()))
                        .addRoles(session.actor().roles())
                        .addAttribute(CSRF_TOKEN, session.csrfToken())
                        .addAttribute(SESSION_TOKEN, request.token())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("the console session has ended")));
    }
}
