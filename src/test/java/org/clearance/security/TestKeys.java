package org.clearance.security;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;

/**
 * Real-path authentication for @QuarkusTest classes: creates an API key in the test's database and sends it as
 * {@code Authorization: Bearer clr_…}, through the same mechanism and identity provider as production requests.
 * Use {@code @TestSecurity} when a test is about something else than authentication.
 */
public final class TestKeys {

    private TestKeys() {
    }

    /** A new key with {@code roles}; returns its secret text. */
    public static String create(String... roles) {
        return created(roles).secret();
    }

    /** A new key with {@code roles}, with its listing (name, key id) and secret. */
    public static CreatedApiKey created(String... roles) {
        ApiKeys keys = Arc.container().instance(ApiKeys.class).get();
        return keys.create("test-" + UUID.randomUUID().toString().substring(0, 12), List.of(roles), null, Actor.system("test"));
    }

    /** A request that authenticates with {@code key}. */
    public static RequestSpecification with(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /** A request that authenticates with a new key holding {@code roles}. */
    public static RequestSpecification as(String... roles) {
        return with(create(roles));
    }
}
