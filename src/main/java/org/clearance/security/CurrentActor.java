package org.clearance.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The actor of the current HTTP request, taken from its authenticated identity. */
@RequestScoped
public class CurrentActor {

    @Inject
    SecurityIdentity identity;

    public Actor get() {
        if (identity == null || identity.isAnonymous()) {
            return new Actor("anonymous", java.util.Set.of());
        }
        return new Actor(identity.getPrincipal().getName(), identity.getRoles());
    }
}
