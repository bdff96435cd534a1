package org.clearance.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clearance.security.Roles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Property, on the real server and database: every mutated order sent to {@code POST /api/v1/screenings} and
 * {@code /batch} is answered 2xx or 4xx, a 4xx is a problem+json body naming no class, exception, stack frame or
 * server path, and afterwards the server still screens a known order correctly. {@value #SINGLES} single orders and
 * {@value #BATCHES} batches of {@value #BATCH_SIZE} per run (a seed of its own, so they differ from the parser's).
 */
@QuarkusTest
@Tag("database")
@TestSecurity(user = "fuzz", roles = {Roles.SCREENER})
class HttpFuzzTest {

    static final int SINGLES = 1_000;
    static final int BATCHES = 50;
    static final int BATCH_SIZE = 20;

    @Test
    void shouldAnswerEveryMutatedOrderWith2xxOr4xxAndPlainProblems() throws Exception {
        ServerWarmup.loadRulePack();
        OrderMutator mutator = new OrderMutator(ParserFuzzTest.SEED + 1);
        Map<String, Integer> statuses = new TreeMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < SINGLES; i++) {
            OrderMutator.Mutant mutant = mutator.next();
            Response response = given().contentType("application/json").body(mutant.bytes())
                    .when().post("/api/v1/screenings");
            check(response, mutant.bytes(), "single-" + i, mutant.mutations());
            statuses.merge("single " + response.statusCode(), 1, Integer::sum);
        }
        for (int b = 0; b < BATCHES; b++) {
            boolean ndjson = b % 3 != 0; // NDJSON mostly: one broken line spoils only itself
            List<OrderMutator.Mutant> mutants = new ArrayList<>();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(ndjson ? new byte[0] : new byte[] {'['});
            for (int i = 0; i < BATCH_SIZE; i++) {
                // One invalid-UTF-8 item refuses the whole body, as documented: keep that to every tenth batch.
                OrderMutator.Mutant mutant = mutator.next(b % 10 == 9 ? OrderMutator.Bytes.ANY
                        : ndjson ? OrderMutator.Bytes.TRUNCATION : OrderMutator.Bytes.NONE);
                mutants.add(mutant);
                if (i > 0) {
                    body.write(ndjson ? '\n' : ',');
                }
                body.write(mutant.bytes());
            }
            body.write(ndjson ? '\n' : ']');
            Response response = given().contentType(ndjson ? "application/x-ndjson" : "application/json")
                    .body(body.toByteArray()).when().post("/api/v1/screenings/batch");
            check(response, body.toByteArray(), "batch-" + b, mutants.stream().map(OrderMutator.Mutant::mutations).toList());
            if (response.statusCode() == 200) {
                List<Map<String, Object>> results = response.jsonPath().getList("results");
                assertThat(results).allSatisfy(item -> assertThat(item.get("screening") == null)
                        .as("an item has a screening or errors: %s", item).isEqualTo(item.get("errors") != null));
                results.forEach(item -> statuses.merge("batch item " + (item.get("screening") != null ? "screened" : "refused"),
                        1, Integer::sum));
            }
            statuses.merge("batch " + response.statusCode(), 1, Integer::sum);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("HTTP fuzz: %d single orders and %d batches of %d (%d orders) in %d ms: %s%n", SINGLES, BATCHES,
                BATCH_SIZE, SINGLES + BATCHES * BATCH_SIZE, millis, statuses);

        assertThat(statuses.keySet()).as("some mutants stay valid and are screened").contains("single 201");
        shouldStillScreenAKnownOrderCorrectly();
    }

    private static void check(Response response, byte[] sent, String name, Object mutations) {
        int status = response.statusCode();
        String body = response.asString();
        if (status >= 500 || (status >= 400 && !response.contentType().startsWith("application/problem+json"))
                || (status >= 400 && ProblemChecks.leak(body) != null)) {
            keep(name, sent);
            throw new AssertionError(name + " " + mutations + " was answered " + status + " " + response.contentType()
                    + ": " + body.substring(0, Math.min(body.length(), 2000)));
        }
    }

    static void shouldStillScreenAKnownOrderCorrectly() throws Exception {
        given().contentType("application/json")
                .body(Files.readString(Path.of("examples/orders/01-turkish-distributor-chips-to-russia.json")))
                .when().post("/api/v1/screenings")
                .then().statusCode(201)
                .body("order_id", equalTo("RHV-SO-2025-01187"))
                .body("decision", equalTo("BLOCK"))
                .body("findings.rule_id", hasItems("US-CHP-01", "EU-CHP-RU-01", "UK-CHP-RU-01", "JP-CHP-01", "EU-12G-01"));
    }

    private static void keep(String name, byte[] sent) {
        try {
            Path dir = Files.createDirectories(Path.of("target/fuzz-failures"));
            Files.write(dir.resolve("http-" + name + ".json"), sent);
        } catch (Exception ignored) {
            // the assertion error says what failed; the file is a convenience
        }
    }
}
