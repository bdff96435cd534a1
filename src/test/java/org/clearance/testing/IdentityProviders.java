package org.clearance.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.clearance.console.FakeIdentityProvider;

/**
 * OIDC on, without a live identity provider, for the bearer-token tests and the console's login alike (one
 * application start for both). Bearer tokens: the profile generates an RSA key pair, gives Quarkus OIDC the public
 * key (as it would get it from the provider's JWKS) and leaves the private one in {@link #PRIVATE_KEY} for tests to
 * sign their own tokens; roles come from the {@code clearance_roles} claim. The console's tenant signs in through
 * {@link FakeIdentityProvider}.
 */
public class IdentityProviders implements QuarkusTestProfile {

    public static final String ISSUER = "https://idp.test.example/realms/exporter";
    public static final Path PRIVATE_KEY = Path.of("target/oidc-test/private-key.pk8");

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(PRIVATE_KEY.getParent());
            Files.write(PRIVATE_KEY, pair.getPrivate().getEncoded());
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    "quarkus.oidc.token.issuer", ISSUER,
                    "quarkus.oidc.roles.role-claim-path", "clearance_roles",
                    "quarkus.http.test-timeout", "300s"); // the first screening after a restart warms the engine
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeIdentityProvider.class));
    }
}
