package org.clearance.fuzz;

import static io.restassured.RestAssured.given;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;

/**
 * The first screening of a test server loads the rule pack, which on a busy machine outlasts RestAssured's 30 s read
 * timeout: send one invalid order first, with patience, so that the tests' own requests find the pack loaded.
 */
public final class ServerWarmup {

    private static volatile boolean warm;

    private ServerWarmup() {
    }

    public static void loadRulePack() {
        if (warm) {
            return;
        }
        given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 300_000)))
                .contentType("application/json").body("{}").when().post("/api/v1/screenings").then().statusCode(400);
        warm = true;
    }
}
