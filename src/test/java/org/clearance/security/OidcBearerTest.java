package org.clearance.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.UUID;
import org.clearance.screening.Screening;
import org.clearance.testing.IdentityProviders;
import org.junit.jupiter.api.Test;

/**
 * OIDC bearer tokens without a live identity provider: the test signs its own tokens with the private key of
 * {@link IdentityProviders}, whose public key Quarkus OIDC verifies them with.
 */
@QuarkusTest
@TestProfile(IdentityProviders.class)
class OidcBearerTest {

    private static final String ORDER_FILE = "examples/orders/03-italian-furniture-to-kazakhstan-clear.json";

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

        String expired = Jwt.issuer(IdentityProviders.ISSUER).subject("ann").claim("clearance_roles", List.of(Roles.ADMIN))
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
        return Jwt.issuer(IdentityProviders.ISSUER).subject(subject).claim("clearance_roles", roles).expiresIn(300).sign(key);
    }

    static PrivateKey signingKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(IdentityProviders.PRIVATE_KEY)));
    }
}
