package org.clearance.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.screening.Screening;
import org.junit.jupiter.api.Test;

/**
 * OIDC bearer tokens without a live identity provider: the profile generates an RSA key pair, gives Quarkus OIDC
 * the public key (as it would get it from the provider's JWKS), and the test signs its own tokens with the private one.
 */
@QuarkusTest
@TestProfile(OidcBearerTest.Provider.class)
class OidcBearerTest {

    static final String ISSUER = "https://idp.test.example/realms/exporter";
    static final Path PRIVATE_KEY = Path.of("target/oidc-test/private-key.pk8");
    private static final String ORDER_FILE = "examples/orders/03-italian-furniture-to-kazakhstan-clear.json";

    /** OIDC on, verifying tokens with a key generated for this run; roles from the {@code clearance_roles} claim. */
    public static class Provider implements QuarkusTestProfile {
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
    }

    @Test
    void shouldRecordTheTokensSubjectAsTheSubmitterAndApplyItsRoles() throws Exception {
        String subject = "ann.screener-" + UUID.randomUUID().toString().substring(0, 6);
        String token = token(subject, List.of(Roles.SCREENER), signingKey());

        String id = given().auth().oauth2(token).contentType("application/json").body(Files.readString(Path.of(ORDER_FILE)))
                .post("/api/v1/screenings").then().statusCode(201).extract().path("id");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Screening.<Screening>findById(UUID.fromString(id)).submittedBy))
                .isEqualTo(subject);
        given().auth().oauth2(token).get("/api/v1/rules").then().statusCode(403);
        given().auth().oauth2(token(subject, List.of(Roles.OFFICER), signingKey())).get("/api/v1/screenings/" + id)
                .then().statusCode(200);
    }

    @Test
    void shouldRefuseTokensThatAreForgedExpiredOrFromAnotherIssuer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey forger = generator.generateKeyPair().getPrivate();
        given().auth().oauth2(token("mallory", List.of(Roles.ADMIN), forger)).get("/api/v1/keys").then().statusCode(401);

        String expired = Jwt.issuer(ISSUER).subject("ann").claim("clearance_roles", List.of(Roles.ADMIN))
                .issuedAt(System.currentTimeMillis() / 1000 - 7200).expiresAt(System.currentTimeMillis() / 1000 - 3600)
                .sign(signingKey());
        given().auth().oauth2(expired).get("/api/v1/keys").then().statusCode(401);

        String otherIssuer = Jwt.issuer("https://elsewhere.example").subject("ann").claim("clearance_roles", List.of(Roles.ADMIN))
                .expiresIn(300).sign(signingKey());
        given().auth().oauth2(otherIssuer).get("/api/v1/keys").then().statusCode(401);

        given().auth().oauth2(token("no-roles", List.of(), signingKey())).get("/api/v1/keys").then().statusCode(403);
    }

    @Test
    void shouldStillAcceptApiKeysBesideTokens() {
        TestKeys.as(Roles.ADMIN).get("/api/v1/keys").then().statusCode(200);
        given().get("/api/v1/keys").then().statusCode(401);
    }

    static String token(String subject, List<String> roles, PrivateKey key) {
        return Jwt.issuer(ISSUER).subject(subject).claim("clearance_roles", roles).expiresIn(300).sign(key);
    }

    static PrivateKey signingKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(PRIVATE_KEY)));
    }
}
