package org.clearance.rules.reload;

import org.clearance.security.Roles;
import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.clearance.rules.RulePackRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reload, versions, health and the directory watcher of a server whose rules folder is a temp copy of a small pack. */
@QuarkusTest
@TestSecurity(user = "author.rui", roles = {Roles.RULE_AUTHOR, Roles.SCREENER})
@TestProfile(TempRules.Profile.class)
class RulePackReloadTest {

    static final String RULE_FILE = "eu/no-russia-clause.drl";
    static final String TEST_FILE = "eu/no-russia-clause.tests.yaml";
    static final String EXTRA_RULE = """

            rule "EU-TMP-01 a rule added while the server runs"
                @id("%s") @jurisdiction("EU") @severity("REVIEW")
                %s
                @effective("2024-01-01")
            when
                $order : Order( id == "no such order" )
            then
            end
            """;

    @Inject
    RulePackRegistry registry;

    @Inject
    RulesDirectoryWatcher watcher;

    private static String shipped;

    @BeforeEach
    void rememberTheShippedPack() {
        if (shipped == null) {
            shipped = registry.current().hash();
        }
    }

    @AfterEach
    void serveTheShippedRulesAgain() throws Exception {
        watcher.stop();
        TempRules.restore();
        if (registry.rejection().isPresent() || !registry.current().hash().equals(shipped)) {
            registry.reload(ReloadTrigger.API, org.clearance.security.Actor.cliOperator()); // a good reload clears the rejection
        }
    }

    @Test
    void shouldSwapInAnEditedPackAndRecordItAsAVersionThatScreeningsReference() throws Exception {
        String before = livePack();
        // Listing the versions records the live pack, as serving it does; alone this class may not have yet.
        given().get("/api/v1/rules/versions").then().statusCode(200);
        // A hash of its own: a pack seen before keeps its first version, with the screenings of earlier runs.
        TempRules.append(RULE_FILE, "\n// a comment changes the pack's hash: " + java.util.UUID.randomUUID() + "\n");

        String after = given().post("/api/v1/rules/reload").then().statusCode(200)
                .body("changed", equalTo(true))
                .body("previous", equalTo(before))
                .body("rules", equalTo(registry.current().rules().size()))
                .extract().path("rule_pack");
        assertThat(after).isNotEqualTo(before).isEqualTo(livePack());

        given().contentType("application/json").body(Files.readString(Path.of("examples/orders/03-italian-furniture-to-kazakhstan-clear.json")))
                .post("/api/v1/screenings").then().statusCode(201).body("rule_pack", equalTo(after));

        given().get("/api/v1/rules/versions").then().statusCode(200)
                .body("[0].hash", equalTo(after))
                .body("[0].trigger", equalTo("api"))
                .body("[0].live", equalTo(true))
                .body("[0].screenings", equalTo(1))
                .body("[0].rules", equalTo(registry.current().rules().size()))
                .body("hash", hasItem(before));
    }

    @Test
    void shouldSayUnchangedWhenTheDirectoryHoldsTheLivePack() {
        String live = livePack();
        given().post("/api/v1/rules/reload").then().statusCode(200)
                .body("changed", equalTo(false))
                .body("rule_pack", equalTo(live));
    }

    @Test
    void shouldRejectASyntaxErrorAndKeepServingThePreviousPack() throws Exception {
        TempRules.append(RULE_FILE, "\nrule \"EU-TMP-02 broken\"\nwhen\n    $order : Order( \nthen\nend\n");

        assertRejected(matchesPattern("eu/no-russia-clause\\.drl:\\d+"), "");
    }

    @Test
    void shouldRejectARuleWithoutItsCitation() throws Exception {
        TempRules.append(RULE_FILE, EXTRA_RULE.formatted("EU-TMP-01", ""));
        int line = TempRules.lineOf(RULE_FILE, "rule \"EU-TMP-01");

        assertRejected(equalTo(RULE_FILE + ":" + line), "lacks @citation");
    }

    @Test
    void shouldRejectADuplicateRuleId() throws Exception {
        TempRules.append(RULE_FILE, EXTRA_RULE.formatted("EU-12G-01", "@citation(\"Council Regulation (EU) No 833/2014, Art. 12g\")"));

        assertRejected(startsWith(RULE_FILE + ":"), "duplicate rule id EU-12G-01");
    }

    @Test
    void shouldRejectAPackWhoseRuleTestFails() throws Exception {
        TempRules.replace(TEST_FILE, "decision: REVIEW", "decision: BLOCK");

        assertRejected(containsString("EU seller sells CHP chips to a Kazakh buyer"), "test failed: decision: expected BLOCK, got REVIEW");
    }

    @Test
    void shouldRejectARuleWithoutTests() throws Exception {
        TempRules.append(RULE_FILE, EXTRA_RULE.formatted("EU-TMP-01", "@citation(\"test citation\")"));

        assertRejected(equalTo(RULE_FILE), "rule EU-TMP-01 fires in no test case");
    }

    @Test
    void shouldNotCheckAgainWhenARefusedEditIsUndone() throws Exception {
        PackCheck passed = registry.reload(ReloadTrigger.API, org.clearance.security.Actor.cliOperator()).check();
        TempRules.append(RULE_FILE, EXTRA_RULE.formatted("EU-TMP-01", ""));
        assertRejected(startsWith(RULE_FILE + ":"), "lacks @citation");

        TempRules.restore();
        RulePackRegistry.Reload undone = registry.reload(ReloadTrigger.API, org.clearance.security.Actor.cliOperator());

        assertThat(undone.changed()).isFalse();
        assertThat(undone.check()).as("the check the live pack passed, not a new one").isSameAs(passed);
        assertThat(registry.rejection()).isEmpty();
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'rule-pack' }.data.status", equalTo("ok"));
    }

    @Test
    void shouldReportTheLivePackUpAndNotDegradedAfterAGoodReload() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rule-pack' }.data.status", equalTo("ok"))
                .body("checks.find { it.name == 'rule-pack' }.data.hash", equalTo(livePack()));
    }

    @Test
    void shouldReloadWhenTheWatcherSeesAFileChange() throws Exception {
        String before = livePack();
        watcher.start();
        // An editor saving several files: one reload once they are all written.
        TempRules.append(RULE_FILE, "\n// edited " + java.util.UUID.randomUUID() + "\n"); // a pack never seen before
        TempRules.append("us/crimea.drl", "\n// edited too\n");

        String after = awaitLivePackOtherThan(before);

        assertThat(after).isNotEqualTo(before);
        given().get("/api/v1/rules/versions").then().statusCode(200)
                .body("[0].hash", equalTo(after))
                .body("[0].trigger", equalTo("watch"));
    }

    @Test
    void shouldNotSwapInABrokenPackSeenByTheWatcher() throws Exception {
        String before = livePack();
        watcher.start();
        TempRules.append(RULE_FILE, EXTRA_RULE.formatted("EU-TMP-01", ""));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (registry.rejection().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }

        assertThat(registry.rejection()).get().extracting(RulePackRegistry.Rejection::trigger).isEqualTo(ReloadTrigger.WATCH);
        assertThat(livePack()).isEqualTo(before);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'rule-pack' }.data.status", equalTo("degraded"))
                .body("checks.find { it.name == 'rule-pack' }.data.reason", containsString("rejected"));
    }

    private void assertRejected(org.hamcrest.Matcher<String> source, String message) {
        String before = livePack();

        given().post("/api/v1/rules/reload").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://clearance.dev/problems/rule-pack-rejected"))
                .body("detail", containsString(before.substring(0, 12) + " keeps serving"))
                .body("errors.source", hasItem(source))
                .body("errors.message", hasItem(containsString(message)));

        assertThat(livePack()).isEqualTo(before);
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rule-pack' }.data.status", equalTo("degraded"))
                .body("checks.find { it.name == 'rule-pack' }.data.reason", containsString("on api"))
                .body("checks.find { it.name == 'rule-pack' }.data.hash", equalTo(before));
    }

    private String livePack() {
        return given().get("/api/v1/rules").then().statusCode(200).extract().path("rule_pack");
    }

    private String awaitLivePackOtherThan(String hash) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (registry.current().hash().equals(hash) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        return registry.current().hash();
    }
}
