package org.clearance.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns an API key into an identity: principal {@code key:<name>} with the key's roles, or fails the request (401). */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeys keys;

    ApiKeyIdentityProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        // The look-up reads the database: off the event loop.
        return context.runBlocking(() -> keys.authenticate(request.token())
                .<SecurityIdentity>map(actor -> QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(actor.name()))
                        .addRoles(actor.roles())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("unknown, revoked or expired API key")));
    }
}
