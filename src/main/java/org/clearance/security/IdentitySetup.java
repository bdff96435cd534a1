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

    /** A provider URL that is ignored because OIDC is still switched off: almost certainly a forgotten setting. */
    public boolean identityProviderHalfConfigured() {
        var config = ConfigProvider.getConfig();
        return !config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(true)
                && config.getOptionalValue("quarkus.oidc.auth-server-url", String.class).isPresent();
    }

    /** The lines a server prints first when nobody could call it yet; empty once a key or a provider exists. */
    public java.util.List<String> firstRunAdvice(String host) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (identityProviderHalfConfigured()) {
            lines.add("quarkus.oidc.auth-server-url is set but OIDC is off: set quarkus.oidc.tenant-enabled=true to accept its tokens.");
        }
        if (identityProviderConfigured() || keys.anyUsable()) {
            return lines;
        }
        lines.addAll(java.util.List.of(
                "No API key and no identity provider are configured: every API call is refused (401) until you create",
                "the first admin key, in another terminal:   clearance keys create --name admin --role admin",
                "then keys for the other roles with that key (POST /api/v1/keys) or the same command (docs/security.md).",
                "Listening on " + host + " only; binding another address needs quarkus.http.host (docs/security.md)."));
        return lines;
    }
}
