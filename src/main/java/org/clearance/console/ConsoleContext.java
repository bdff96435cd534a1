package org.clearance.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.clearance.security.Actor;

/** The signed-in user of the current console request, and the check every console form goes through. */
@RequestScoped
public class ConsoleContext {

    @Inject
    SecurityIdentity identity;

    public ConsoleUser user() {
        String csrf = identity.getAttribute(ConsoleSessionIdentityProvider.CSRF_TOKEN);
        return new ConsoleUser(identity.getPrincipal().getName(), identity.getRoles(), csrf == null ? "" : csrf);
    }

    public Actor actor() {
        return new Actor(identity.getPrincipal().getName(), identity.getRoles());
    }

    String sessionToken() {
        return identity.getAttribute(ConsoleSessionIdentityProvider.SESSION_TOKEN);
    }

    /**
     * Refuses a form that does not carry this session's token: a page on another site can make the browser post a
     * form with its cookie, but cannot read the token. A request authenticated by an API key has no session and so no
     * token: console forms are for browsers, and API clients use the API.
     */
    public void checkForm(String submittedToken) {
        String expected = identity.getAttribute(ConsoleSessionIdentityProvider.CSRF_TOKEN);
        if (expected == null || submittedToken == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), submittedToken.getBytes(StandardCharsets.UTF_8))) {
            throw new FormRefusedException("The form was not sent from this console session: reload the page and try again.");
        }
    }
}
