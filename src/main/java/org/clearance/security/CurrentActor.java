package org.clearance.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Set;

/** The actor of the current HTTP request, taken from its authenticated identity. */
@RequestScoped
public class CurrentActor {

    // An Instance, because the identity bean exists only once a security extension is present.
    @Inject
    Instance<SecurityIdentity> identity;

    public Actor get() {
        if (!identity.isResolvable() || identity.get().isAnonymous()) {
            return new Actor("anonymous", Set.of());
        }
        SecurityIdentity who = identity.get();
        return new Actor(who.getPrincipal().getName(), who.getRoles());
    }
}
