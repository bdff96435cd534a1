package org.clearance.rules.guard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.clearance.rules.FileTrees;
import org.clearance.rules.RulePackRegistry;
import org.clearance.rules.reload.ReloadTrigger;
import org.clearance.rules.reload.RulesDirectoryWatcher;
import org.clearance.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile packs through the real HTTP server: {@code rules/validate} (each file alone), {@code rules/reload}
 * and the folder watcher (all files at once) refuse them with their messages (422, or the old pack keeps
 * serving) and none of their code runs; a pack whose rule tests never finish is stopped at the time budget,
 * and a second validation meanwhile gets a 429. The live pack is the small hostile-packs base, so that
 * every check here is quick.
 */
@QuarkusTest
@TestProfile(HostilePacks.Profile.class)
@TestSecurity(user = "author", roles = Roles.RULE_AUTHOR)
class HostilePacksHttpTest {

    @Inject
    RulePackRegistry registry;

    @Inject
    RulesDirectoryWatcher watcher;

    static List<String> hostileFiles() {
        return HostilePacks.names();
    }

    @BeforeEach
    void clearMarkers() {
        HostilePacks.clearMarkers();
    }

    @AfterEach
    void serveTheBasePackAgain() throws IOException {
        watcher.stop();
        emptyHostileFolder();
        if (registry.rejection().isPresent()) {
            registry.reload(ReloadTrigger.API);
        }
        assertThat(HostilePacks.markersPresent()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("hostileFiles")
    void shouldRefuseEachHostileFileOnValidateWith422AndItsMessage(String name) {
        byte[] zip = HostilePacks.zip(HostilePacks.pack(tempDir(), List.of(name)));

        Response response = given().contentType("application/zip").body(zip).post("/api/v1/rules/validate");

        response.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://clearance.dev/problems/rule-pack-rejected"))
                .body("detail", containsString("uses code that rules may not run"));
        assertThat(errors(response)).containsAll(HostilePacks.EXPECTED.get(name));
        assertThat(response.asString()).doesNotContain("/tmp/").doesNotContain("clearance-candidate").doesNotContain("\tat ");
        assertThat(HostilePacks.marker(name)).doesNotExist();
    }

    @Test
    void shouldRefuseEveryHostileFileOnReloadAndKeepServingTheBasePack() throws IOException {
        String before = registry.current().hash();
        for (List<String> files : List.of(HostilePacks.sourceRefused(), List.copyOf(HostilePacks.COMPILED))) {
            copyIntoLivePack(files);

            Response response = given().post("/api/v1/rules/reload");

            response.then().statusCode(422).contentType("application/problem+json");
            assertThat(String.join("\n", errors(response))).contains(HostilePacks.expected(files));
            assertThat(registry.current().hash()).isEqualTo(before);
            emptyHostileFolder();
        }
        assertThat(HostilePacks.markersPresent()).isEmpty();
    }

    @Test
    void shouldNotSwapInAHostilePackSeenByTheWatcher() throws Exception {
        String before = registry.current().hash();
        watcher.start();
        copyIntoLivePack(List.of("exec-in-constraint.drl", "infinite-loop.drl"));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (registry.rejection().filter(r -> r.trigger() == ReloadTrigger.WATCH).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }

        assertThat(registry.rejection()).get().satisfies(r -> {
            assertThat(r.trigger()).isEqualTo(ReloadTrigger.WATCH);
            assertThat(r.check().reasons()).containsAll(HostilePacks.EXPECTED.get("exec-in-constraint.drl"));
        });
        assertThat(registry.current().hash()).isEqualTo(before);
        assertThat(HostilePacks.marker("exec-in-constraint.drl")).doesNotExist();
    }

    @Test
    void shouldStopRuleTestsThatNeverFinishAndTurnAwayASecondValidationMeanwhile() throws Exception {
        byte[] endless = HostilePacks.zip(HostilePacks.budgetPack(tempDir()));
        byte[] harmless = HostilePacks.zip(HostilePacks.pack(tempDir(), List.of()));

        CompletableFuture<Response> first = validateInBackground(endless);
        Response second = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (first.isDone()) {
                if (first.get().statusCode() != 429) {
                    break;
                }
                first = validateInBackground(endless); // a harmless attempt got the slot first: try again
                continue;
            }
            Response attempt = given().contentType("application/zip").body(harmless).post("/api/v1/rules/validate");
            if (attempt.statusCode() == 429) {
                second = attempt;
                break;
            }
            Thread.sleep(50);
        }

        assertThat(second).as("a validation while another runs").isNotNull();
        second.then().contentType("application/problem+json").header("Retry-After", "30")
                .body("status", equalTo(429))
                .body("detail", containsString("only one runs at a time"));
        Response stopped = first.get();
        stopped.then().statusCode(422).contentType("application/problem+json");
        assertThat(errors(stopped)).containsExactly("(rule tests): the rule tests did not finish within 3 s "
                + "(clearance.reload.check-timeout): a rule loops or keeps firing; it was stopped");
        given().contentType("application/zip").body(harmless).post("/api/v1/rules/validate").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    private static CompletableFuture<Response> validateInBackground(byte[] pack) {
        return CompletableFuture.supplyAsync(() -> given().contentType("application/zip").body(pack).post("/api/v1/rules/validate"));
    }

    private static List<String> errors(Response response) {
        List<Map<String, String>> errors = response.jsonPath().getList("errors");
        List<String> lines = new ArrayList<>();
        errors.forEach(e -> lines.add(e.get("source") + ": " + e.get("message")));
        return lines;
    }

    private static void emptyHostileFolder() throws IOException {
        Path hostile = HostilePacks.liveDir().resolve("hostile");
        if (Files.exists(hostile)) {
            FileTrees.delete(hostile);
        }
        Files.createDirectories(hostile);
    }

    private static void copyIntoLivePack(List<String> files) throws IOException {
        Path hostile = Files.createDirectories(HostilePacks.liveDir().resolve("hostile"));
        for (String file : files) {
            Files.copy(HostilePacks.FILES.resolve(file), hostile.resolve(file));
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("clearance-hostile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
