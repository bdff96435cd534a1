package org.clearance.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/** What a starting server can tell its operator about who will be able to call it. */
@ApplicationScoped
public class IdentitySetup {

    private final ApiKeys keys;

    IdentitySetup(ApiKeys keys) {
        this.keys = keys;
    }

    /** Whether bearer tokens of an identity provider are checked: OIDC is on only when configured. */
    public boolean identityProviderConfigured() {
        var config = ConfigProvider.getConfig();
        boolean enabled = config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(true);
        Optional<String> server = config.getOptionalValue("quarkus.oidc.auth-server-url", String.class);
        Optional<String> publicKey = config.getOptionalValue("quarkus.oidc.public-key", String.class);
        return enabled && (server.isPresent() || publicKey.isPresent());
    }

    /** The lines a server prints first when nobody could call it yet; empty once a key or a provider exists. */
    public java.util.List<String> firstRunAdvice(String host) {
        if (identityProviderConfigured() || keys.anyUsable()) {
            return java.util.List.of();
        }
        return java.util.List.of(
                "No API key and no identity provider are configured: every API call is refused (401) until you create",
                "the first admin key, in another terminal:   clearance keys create --name admin --role admin",
                "then keys for the other roles with that key (POST /api/v1/keys) or the same command (docs/security.md).",
                "Listening on " + host + " only; binding another address needs quarkus.http.host (docs/security.md).");
    }
}
