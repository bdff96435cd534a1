package org.clearance.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.clearance.order.OrderInput;
import org.clearance.order.OrderParser;
import org.clearance.order.StrictUtf8;
import org.clearance.security.Roles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input of src/test/resources/fuzz-regressions/ gets the status its name starts with, through the parser and
 * the real HTTP API on the real database: 400 with a problem naming a pointer, or 201 and a stored screening.
 */
@QuarkusTest
@Tag("database")
@TestSecurity(user = "fuzz", roles = {Roles.SCREENER})
class FuzzRegressionsTest {

    static final Path CORPUS = Path.of("src/test/resources/fuzz-regressions");

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d{3}-.*\\.json")).sorted().toList().stream();
        }
    }

    static int expectedStatus(Path file) {
        return Integer.parseInt(file.getFileName().toString().substring(0, 3));
    }

    @org.junit.jupiter.api.BeforeEach
    void loadRulePack() {
        org.clearance.fuzz.ServerWarmup.loadRulePack();
    }

    @Test
    void shouldHoldBadAndBoundaryInputs() throws IOException {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(15)
                .anyMatch(f -> expectedStatus(f) == 201).anyMatch(f -> expectedStatus(f) == 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldParseToTheExpectedOutcome(Path file) throws IOException {
        OrderInput.Split split = StrictUtf8.split(file.getFileName().toString(), Files.readAllBytes(file));
        boolean valid = split.problems().isEmpty() && split.documents().size() == 1
                && OrderParser.parse(split.documents().get(0), null, LocalDate.of(2026, 1, 15)).valid();

        assertThat(valid).isEqualTo(expectedStatus(file) == 201);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldAnswerTheExpectedStatusOverHttp(Path file) throws IOException {
        Response response = given().contentType("application/json").body(Files.readAllBytes(file))
                .when().post("/api/v1/screenings");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expectedStatus(file));
        if (expectedStatus(file) == 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(ProblemChecks.leak(response.asString())).isNull();
            List<String> pointers = response.jsonPath().getList("errors.pointer");
            assertThat(pointers).as("every problem has a pointer").isNotEmpty().doesNotContainNull();
        } else {
            String id = response.jsonPath().getString("id");
            given().when().get("/api/v1/screenings/" + id).then().statusCode(200);
        }
    }
}
