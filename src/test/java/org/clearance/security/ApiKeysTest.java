package org.clearance.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import org.clearance.screening.Screening;
import org.junit.jupiter.api.Test;

/** API keys through the real HTTP path: created by an admin, used as bearer tokens, revoked, expired. */
@QuarkusTest
class ApiKeysTest {

    private static final String ORDER_FILE = "examples/orders/03-italian-furniture-to-kazakhstan-clear.json";

    @Test
    void shouldCreateAKeyWhoseSecretIsShownOnceAndStoredOnlyAsItsHash() throws Exception {
        String admin = TestKeys.create(Roles.ADMIN);
        String name = "erp-" + UUID.randomUUID().toString().substring(0, 8);

        String secret = TestKeys.with(admin).contentType("application/json")
                .body("{\"name\": \"" + name + "\", \"roles\": [\"screener\", \"auditor\"]}")
                .post("/api/v1/keys")
                .then().statusCode(201).header("Location", "/api/v1/keys/" + name)
                .body("key.roles", equalTo(java.util.List.of("auditor", "screener"))).body("key.status", equalTo("active"))
                .body("key.created_by", equalTo("key:" + keyName(admin)))
                .extract().path("secret");

        assertThat(secret).matches("clr_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        ApiKey stored = QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>find("name", name).firstResult());
        String secretPart = secret.substring("clr_".length() + 12 + 1);
        assertThat(stored.secretHash).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secretPart.getBytes(StandardCharsets.US_ASCII))))
                .doesNotContain(secretPart);
        // Listing never shows a secret.
        String listing = TestKeys.with(admin).get("/api/v1/keys").then().statusCode(200)
                .body("name", hasItem(name)).extract().asString();
        assertThat(listing).doesNotContain(secretPart).doesNotContain("secret_hash");

        // The key works, as itself: what it submits is recorded under its name.
        String id = TestKeys.with(secret).contentType("application/json").body(Files.readString(Path.of(ORDER_FILE)))
                .post("/api/v1/screenings").then().statusCode(201).extract().path("id");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Screening.<Screening>findById(UUID.fromString(id)).submittedBy))
                .isEqualTo("key:" + name);
    }

    @Test
    void shouldRefuseARevokedKeyAtOnceAndKeepItsRecord() {
        String admin = TestKeys.create(Roles.ADMIN);
        CreatedApiKey auditor = TestKeys.created(Roles.AUDITOR);
        TestKeys.with(auditor.secret()).get("/api/v1/screenings").then().statusCode(200);

        TestKeys.with(admin).delete("/api/v1/keys/" + auditor.key().name())
                .then().statusCode(200).body("status", equalTo("revoked")).body("revoked_by", equalTo("key:" + keyName(admin)));

        TestKeys.with(auditor.secret()).get("/api/v1/screenings").then().statusCode(401);
        TestKeys.with(admin).get("/api/v1/keys/" + auditor.key().name()).then().statusCode(200).body("status", equalTo("revoked"));
        TestKeys.with(admin).delete("/api/v1/keys/no-such-key").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAnExpiredKeyAndAcceptOneOnItsLastDay() {
        CreatedApiKey key = TestKeys.created(Roles.AUDITOR);
        setExpiry(key, LocalDate.now(ZoneOffset.UTC));
        TestKeys.with(key.secret()).get("/api/v1/lists").then().statusCode(200);
        setExpiry(key, LocalDate.now(ZoneOffset.UTC).minusDays(1));
        TestKeys.with(key.secret()).get("/api/v1/lists").then().statusCode(401);
    }

    @Test
    void shouldRejectInvalidKeyRequestsWithProblems() {
        String admin = TestKeys.create(Roles.ADMIN);
        TestKeys.with(admin).contentType("application/json").body("{\"name\": \"x1\", \"roles\": [\"root\"]}")
                .post("/api/v1/keys").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/roles"));
        TestKeys.with(admin).contentType("application/json").body("{\"name\": \"x2\", \"roles\": [\"admin\"], \"expires_on\": \"2001-01-01\"}")
                .post("/api/v1/keys").then().statusCode(400).body("errors[0].pointer", equalTo("/expires_on"));
        TestKeys.with(admin).contentType("application/json").body("{\"name\": \"has space\", \"roles\": [\"admin\"]}")
                .post("/api/v1/keys").then().statusCode(400).body("errors[0].pointer", equalTo("/name"));
        CreatedApiKey existing = TestKeys.created(Roles.AUDITOR);
        TestKeys.with(admin).contentType("application/json").body("{\"name\": \"" + existing.key().name() + "\", \"roles\": [\"admin\"]}")
                .post("/api/v1/keys").then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("exists already"));
    }

    @Test
    void shouldShowAScreenerOnlyTheScreeningsItSubmitted() throws Exception {
        String mine = TestKeys.create(Roles.SCREENER);
        String theirs = TestKeys.create(Roles.SCREENER);
        String officer = TestKeys.create(Roles.OFFICER);
        String auditor = TestKeys.create(Roles.AUDITOR);
        String id = TestKeys.with(mine).contentType("application/json").body(Files.readString(Path.of(ORDER_FILE)))
                .post("/api/v1/screenings").then().statusCode(201).extract().path("id");

        TestKeys.with(mine).get("/api/v1/screenings/" + id).then().statusCode(200);
        TestKeys.with(theirs).get("/api/v1/screenings/" + id).then().statusCode(404);
        TestKeys.with(theirs).get("/api/v1/screenings").then().statusCode(200).body("items.id", not(hasItem(id)));
        TestKeys.with(mine).get("/api/v1/screenings").then().statusCode(200).body("items.id", hasItem(id));
        TestKeys.with(officer).get("/api/v1/screenings/" + id).then().statusCode(200);
        TestKeys.with(auditor).get("/api/v1/screenings/" + id).then().statusCode(200);
        // An auditor reads everything and changes nothing.
        TestKeys.with(auditor).contentType("application/json").body(Files.readString(Path.of(ORDER_FILE)))
                .post("/api/v1/screenings").then().statusCode(403).contentType("application/problem+json");
    }

    private static String keyName(String secret) {
        String keyId = ApiKeyToken.parse(secret).orElseThrow().keyId();
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>find("keyId", keyId).firstResult().name);
    }

    private static void setExpiry(CreatedApiKey key, LocalDate day) {
        QuarkusTransaction.requiringNew().run(() -> ApiKey.update("expiresOn = ?1 where name = ?2", day, key.key().name()));
    }
}
