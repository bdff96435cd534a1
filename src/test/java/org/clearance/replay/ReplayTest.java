package org.clearance.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.UUID;
import org.clearance.audit.AppendOnlyTables;
import org.clearance.order.OrderInput;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.RulePackRegistry;
import org.clearance.rules.reload.RulePackContents;
import org.clearance.screening.Decision;
import org.clearance.screening.ScreeningService;
import org.clearance.security.Actor;
import org.clearance.security.Roles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A stored screening replays to the same outcome with the pack and lists it was made with; replay stores nothing. */
@QuarkusTest
@Tag("database")
@TestSecurity(user = "olga", roles = {Roles.OFFICER})
class ReplayTest {

    private static final Path BLOCKED = Path.of("examples/orders/13-hk-trader-fpga-to-russia-via-kyrgyzstan.json");

    @Inject
    ScreeningService screenings;

    @Inject
    ReplayService replays;

    @Inject
    RulePackContents contents;

    @Inject
    RulePackRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldReplayAStoredScreeningToIdenticalFindingsWithoutStoringAnything() throws Exception {
        UUID id = screen();
        long before = count("screening") + count("audit_event");

        ReplayReport replay = replays.replay(id, false);

        assertThat(replay.identical()).isTrue();
        assertThat(replay.mode()).isEqualTo("original");
        assertThat(replay.replayedDecision()).isEqualTo(Decision.BLOCK);
        assertThat(replay.findings()).isNotEmpty();
        assertThat(replay.added()).isEmpty();
        assertThat(replay.removed()).isEmpty();
        assertThat(count("screening") + count("audit_event")).isEqualTo(before);
    }

    @Test
    void shouldShowWhatDiffersFromAStoredScreeningThatNoLongerMatches() throws Exception {
        UUID id = screen();
        try (Connection connection = dataSource.getConnection()) {
            AppendOnlyTables.unprotect(connection);
            String original;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT rule_id FROM screening_finding WHERE screening_id = ? AND position = 0")) {
                select.setObject(1, id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    original = row.getString(1);
                }
            }
            try {
                setFirstRuleId(connection, id, "FORGED-01");
                ReplayReport replay = replays.replay(id, false);
                assertThat(replay.identical()).isFalse();
                assertThat(replay.removed()).extracting(f -> f.ruleId()).containsExactly("FORGED-01");
                assertThat(replay.added()).extracting(f -> f.ruleId()).containsExactly(original);
            } finally {
                setFirstRuleId(connection, id, original); // the audit tests verify the whole chain afterwards
                AppendOnlyTables.protect(connection);
            }
        }
    }

    private static void setFirstRuleId(Connection connection, UUID id, String ruleId) throws Exception {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE screening_finding SET rule_id = ? WHERE screening_id = ? AND position = 0")) {
            update.setString(1, ruleId);
            update.setObject(2, id);
            update.executeUpdate();
        }
    }

    @Test
    void shouldReplayOverHttpWithTheCurrentPackOnRequest() throws Exception {
        UUID id = screen();

        given().get("/api/v1/screenings/{id}/replay", id).then().statusCode(200)
                .body("identical", equalTo(true)).body("mode", equalTo("original"));
        given().queryParam("current", true).get("/api/v1/screenings/{id}/replay", id).then().statusCode(200)
                .body("mode", equalTo("current")).body("rule_pack", equalTo(registry.current().hash()));
        given().get("/api/v1/screenings/{id}/replay", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void shouldKeepTheLivePackByContentSoThatItCanBeRebuiltToTheSameHash() throws Exception {
        screen(); // the live pack is recorded (and kept) the first time it stores a screening
        String hash = registry.current().hash();
        Path folder = Files.createTempDirectory("restored-pack");

        assertThat(contents.restore(hash, folder)).isTrue();
        assertThat(RulePackLoader.load(folder).hash()).isEqualTo(hash);
    }

    private UUID screen() throws Exception {
        registry.current(); // compile the pack outside the screening's transaction (its timeout is 60 s)
        ScreeningService.Outcome outcome = screenings.screenAndStore(
                OrderInput.split("test", Files.readString(BLOCKED)).documents(), null,
                new Actor("test", Set.of(Roles.SCREENER))).get(0);
        return outcome.view().id();
    }

    private long count(String table) throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
