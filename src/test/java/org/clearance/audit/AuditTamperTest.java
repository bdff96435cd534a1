package org.clearance.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.facts.AuthorisationType;
import org.clearance.facts.Jurisdiction;
import org.clearance.licences.LicenceRegister;
import org.clearance.licences.LicenceRequest;
import org.clearance.licences.LicensedParty;
import org.clearance.order.OrderInput;
import org.clearance.replay.ReplayService;
import org.clearance.replay.ReplayUnavailableException;
import org.clearance.screening.Decision;
import org.clearance.screening.ScreeningService;
import org.clearance.security.Actor;
import org.clearance.security.Roles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Tampering through plain SQL, as a local process with the database password would, on H2 and (second CI run)
 * PostgreSQL: every change, deletion, insertion and reordering is found and named by verification, and the
 * append-only triggers refuse updates and deletes while they are in place.
 */
@QuarkusTest
@Tag("database")
@TestSecurity(user = "alice", roles = {Roles.AUDITOR})
class AuditTamperTest {

    private static final Path BLOCKED = Path.of("examples/orders/13-hk-trader-fpga-to-russia-via-kyrgyzstan.json");

    @Inject
    ScreeningService screenings;

    @Inject
    AuditService audit;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    org.clearance.rules.RulePackRegistry registry;

    @Inject
    ReplayService replays;

    @Inject
    LicenceRegister licences;

    @Test
    void shouldRecordEachStoredScreeningWithItsActorAndAVerifiableChain() throws Exception {
        UUID id = screenBlockedOrder();

        try (Tamper db = new Tamper(dataSource)) {
            assertThat(db.scalar("SELECT COUNT(*) FROM audit_event WHERE subject = ? AND action = ? AND actor = ?",
                    id.toString(), AuditAction.SCREENING_STORED, "test-actor")).isEqualTo(1);
        }
        assertThat(problemsAbout(id.toString())).isEmpty();
        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void shouldRefuseUpdatesAndDeletesWhileTheTriggersAreInPlace() throws Exception {
        UUID id = screenBlockedOrder();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            assertThatThrownBy(() -> connection.createStatement().executeUpdate(
                    "UPDATE screening SET decision = 'CLEAR' WHERE id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> connection.createStatement().executeUpdate(
                    "DELETE FROM screening_finding WHERE screening_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> connection.createStatement().executeUpdate(
                    "DELETE FROM audit_event WHERE subject = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void shouldNameAScreeningWhoseDecisionWasChanged() throws Exception {
        UUID id = screenBlockedOrder();
        try (Tamper db = new Tamper(dataSource)) {
            db.sql("UPDATE screening SET decision = 'CLEAR', verdict_us = 'CLEAR' WHERE id = ?", id);
            try {
                assertThat(problemsAbout(id.toString())).extracting(AuditProblem::kind)
                        .containsExactly(AuditProblem.Kind.SCREENING_CHANGED);
                given().get("/api/v1/audit/verify").then().statusCode(409)
                        .contentType("application/problem+json")
                        .body("errors.message", org.hamcrest.Matchers.hasItem(containsString("screening " + id + " was changed")))
                        .body("errors.pointer", org.hamcrest.Matchers.hasItem("/screenings/" + id));
            } finally {
                db.sql("UPDATE screening SET decision = 'BLOCK', verdict_us = 'BLOCK' WHERE id = ?", id);
            }
        }
        assertThat(problemsAbout(id.toString())).isEmpty();
    }

    @Test
    void shouldNameAScreeningWhoseRecordedBuyerHistoryWasChanged() throws Exception {
        UUID id = screenBlockedOrder();
        try (Tamper db = new Tamper(dataSource)) {
            String history = db.text("SELECT buyer_history FROM screening WHERE id = ?", id);
            assertThat(history).as("recorded with the screening").contains("previous_orders");
            db.sql("UPDATE screening SET buyer_history = ? WHERE id = ?", history.replace("\"previous_orders\":", "\"previous_orders\":9"), id);
            try {
                assertThat(problemsAbout(id.toString())).extracting(AuditProblem::kind)
                        .containsExactly(AuditProblem.Kind.SCREENING_CHANGED);
            } finally {
                db.sql("UPDATE screening SET buyer_history = ? WHERE id = ?", history, id);
            }
        }
        assertThat(problemsAbout(id.toString())).isEmpty();
    }

    @Test
    void shouldNameAScreeningWhoseRecordedLicencesWereChangedAndReplayWithWhatIsRecorded() throws Exception {
        UUID id = screenLicensedOrder();
        try (Tamper db = new Tamper(dataSource)) {
            String recorded = db.text("SELECT cited_licences FROM screening WHERE id = ?", id);
            assertThat(recorded).as("recorded with the screening").contains("\"quantity_remaining\":500");
            db.sql("UPDATE screening SET cited_licences = ? WHERE id = ?",
                    recorded.replace("\"quantity_remaining\":500", "\"quantity_remaining\":0"), id);
            try {
                assertThat(problemsAbout(id.toString())).extracting(AuditProblem::kind)
                        .containsExactly(AuditProblem.Kind.SCREENING_CHANGED);
                assertThat(replays.replay(id, false).replayedDecision()).as("replayed with the recorded, forged register")
                        .isEqualTo(Decision.BLOCK);
            } finally {
                db.sql("UPDATE screening SET cited_licences = ? WHERE id = ?", recorded, id);
            }
        }
        assertThat(problemsAbout(id.toString())).isEmpty();
    }

    @Test
    void shouldNameChangedCountryRisksAndRefuseToReplayWithThem() throws Exception {
        UUID id = screenBlockedOrder();
        String sha;
        try (Tamper db = new Tamper(dataSource)) {
            sha = db.text("SELECT country_risk_set FROM screening WHERE id = ?", id);
            String content = db.text("SELECT content FROM country_risk_set WHERE sha256 = ?", sha);
            db.sql("UPDATE country_risk_set SET content = ? WHERE sha256 = ?",
                    "[{\"country\":\"KG\",\"evidence\":\"\",\"score\":0}]", sha);
            try {
                assertThat(problemsAbout(sha)).extracting(AuditProblem::kind)
                        .containsExactly(AuditProblem.Kind.COUNTRY_RISKS_CHANGED);
                given().get("/api/v1/audit/verify").then().statusCode(409)
                        .body("errors.pointer", org.hamcrest.Matchers.hasItem("/country-risk-sets/" + sha));
                assertThatThrownBy(() -> replays.replay(id, false)).isInstanceOf(ReplayUnavailableException.class)
                        .hasMessageContaining("the kept country risks " + sha + " hash to");
            } finally {
                db.sql("UPDATE country_risk_set SET content = ? WHERE sha256 = ?", content, sha);
            }
        }
        assertThat(problemsAbout(sha)).isEmpty();
    }

    @Test
    void shouldNameAScreeningWhoseFindingWasDeleted() throws Exception {
        UUID id = screenBlockedOrder();
        try (Tamper db = new Tamper(dataSource)) {
            List<Map<String, Object>> finding = db.save("screening_finding", "screening_id = ? AND position = 0", id);
            db.sql("DELETE FROM screening_finding WHERE screening_id = ? AND position = 0", id);
            try {
                assertThat(problemsAbout(id.toString())).extracting(AuditProblem::kind)
                        .containsExactly(AuditProblem.Kind.SCREENING_CHANGED);
            } finally {
                db.restore("screening_finding", finding);
            }
        }
        assertThat(problemsAbout(id.toString())).isEmpty();
    }

    @Test
    void shouldNameADeletedScreening() throws Exception {
        UUID id = screenBlockedOrder();
        try (Tamper db = new Tamper(dataSource)) {
            List<Map<String, Object>> screening = db.save("screening", "id = ?", id);
            List<Map<String, Object>> findings = db.save("screening_finding", "screening_id = ?", id);
            List<Map<String, Object>> factors = db.save("screening_risk_factor", "screening_id = ?", id);
            List<Map<String, Object>> history = db.save("buyer_order", "screening_id = ?", id);
            db.sql("DELETE FROM screening WHERE id = ?", id); // cascades to findings, risk factors, buyer history
            try {
                assertThat(problemsAbout(id.toString())).extracting(AuditProblem::kind)
                        .containsExactly(AuditProblem.Kind.SCREENING_DELETED);
            } finally {
                db.restore("screening", screening);
                db.restore("screening_finding", findings);
                db.restore("screening_risk_factor", factors);
                db.restore("buyer_order", history);
            }
        }
        assertThat(problemsAbout(id.toString())).isEmpty();
    }

    @Test
    void shouldNameADeletedAuditRecord() throws Exception {
        UUID id = screenBlockedOrder();
        screenBlockedOrder(); // the deleted record is in the middle of the chain
        try (Tamper db = new Tamper(dataSource)) {
            long seq = db.scalar("SELECT seq FROM audit_event WHERE subject = ?", id.toString());
            List<Map<String, Object>> record = db.save("audit_event", "seq = ?", seq);
            db.sql("DELETE FROM audit_event WHERE seq = ?", seq);
            try {
                VerifyReport report = audit.verify(null);
                assertThat(report.valid()).isFalse();
                assertThat(report.problems()).anySatisfy(p -> {
                    assertThat(p.kind()).isEqualTo(AuditProblem.Kind.RECORD_MISSING);
                    assertThat(p.message()).startsWith("audit record #" + seq + " missing");
                });
                assertThat(problemsAbout(id.toString())).extracting(AuditProblem::kind)
                        .contains(AuditProblem.Kind.SCREENING_NOT_AUDITED);
            } finally {
                db.restore("audit_event", record);
            }
        }
        assertThat(problemsAbout(id.toString())).isEmpty();
    }

    @Test
    void shouldNoticeRecordsDeletedFromTheEndOfTheChain() throws Exception {
        UUID id = screenBlockedOrder();
        try (Tamper db = new Tamper(dataSource)) {
            // The last record: the blocked order's case opened after its screening was stored.
            long seq = db.scalar("SELECT MAX(seq) FROM audit_event");
            assertThat(db.scalar("SELECT seq FROM audit_event WHERE subject = ?", id.toString())).isLessThan(seq);
            List<Map<String, Object>> record = db.save("audit_event", "seq = ?", seq);
            db.sql("DELETE FROM audit_event WHERE seq = ?", seq);
            try {
                assertThat(audit.verify(null).problems()).anySatisfy(p -> {
                    assertThat(p.kind()).isEqualTo(AuditProblem.Kind.HEAD_MISMATCH);
                    assertThat(p.message()).contains("the chain head is record #" + seq);
                });
            } finally {
                db.restore("audit_event", record);
            }
        }
        assertThat(problemsAbout(id.toString())).isEmpty();
    }

    @Test
    void shouldNameReorderedAuditRecords() throws Exception {
        UUID first = screenBlockedOrder();
        UUID second = screenBlockedOrder();
        try (Tamper db = new Tamper(dataSource)) {
            long a = db.scalar("SELECT seq FROM audit_event WHERE subject = ?", first.toString());
            long b = db.scalar("SELECT seq FROM audit_event WHERE subject = ?", second.toString());
            swap(db, a, b);
            try {
                VerifyReport report = audit.verify(null);
                assertThat(report.problems()).filteredOn(p -> p.kind() == AuditProblem.Kind.RECORD_CHANGED)
                        .extracting(AuditProblem::seq).contains(a, b);
                assertThat(report.problems()).filteredOn(p -> p.seq() == a).first().extracting(AuditProblem::message)
                        .asString().contains("audit record #" + a).contains("changed, inserted or moved");
            } finally {
                swap(db, a, b);
            }
        }
        assertThat(audit.verify(null).problems()).noneMatch(p -> p.subject() != null
                && (p.subject().equals(first.toString()) || p.subject().equals(second.toString())));
    }

    @Test
    void shouldNameAForgedRecordInsertedAtTheEnd() throws Exception {
        screenBlockedOrder();
        try (Tamper db = new Tamper(dataSource)) {
            List<Map<String, Object>> head = db.save("audit_chain_head", "id = 1");
            long next = (Long) ((Number) head.get(0).get(key(head.get(0), "seq"))).longValue() + 1;
            // The forger moves the head too, but cannot make the chain follow without recomputing it.
            db.sql("INSERT INTO audit_event (seq, at, actor, action, subject, content_hash, chain) "
                    + "VALUES (?, CURRENT_TIMESTAMP, 'mallory', 'screening.stored', 'forged', NULL, ?)", next, "f".repeat(64));
            db.sql("UPDATE audit_chain_head SET seq = ?, chain = ? WHERE id = 1", next, "f".repeat(64));
            try {
                assertThat(audit.verify(null).problems()).anySatisfy(p -> {
                    assertThat(p.kind()).isEqualTo(AuditProblem.Kind.RECORD_CHANGED);
                    assertThat(p.seq()).isEqualTo(next);
                });
            } finally {
                db.sql("DELETE FROM audit_event WHERE seq = ?", next);
                db.sql("UPDATE audit_chain_head SET seq = ?, chain = ? WHERE id = 1",
                        head.get(0).get(key(head.get(0), "seq")), head.get(0).get(key(head.get(0), "chain")));
            }
        }
        assertThat(audit.verify(null).problems()).noneMatch(p -> "forged".equals(p.subject()));
    }

    @Test
    void shouldNameAScreeningInsertedWithoutAnAuditRecord() throws Exception {
        UUID original = screenBlockedOrder();
        UUID copy = UUID.randomUUID();
        try (Tamper db = new Tamper(dataSource)) {
            List<Map<String, Object>> row = db.save("screening", "id = ?", original);
            row.get(0).put(key(row.get(0), "id"), copy);
            db.restore("screening", row);
            try {
                assertThat(problemsAbout(copy.toString())).extracting(AuditProblem::kind)
                        .containsExactly(AuditProblem.Kind.SCREENING_NOT_AUDITED);
            } finally {
                db.sql("DELETE FROM screening WHERE id = ?", copy);
            }
        }
        assertThat(problemsAbout(copy.toString())).isEmpty();
    }

    @Test
    void shouldNameTheRecordWhereAChainRewrittenSinceAnExportDiverges() throws Exception {
        screenBlockedOrder();
        VerifyReport before = audit.verify(null);
        Anchor anchor = new Anchor(before.headSeq(), before.headChain());
        assertThat(audit.verify(anchor).problems()).noneMatch(p -> p.kind() == AuditProblem.Kind.ANCHOR_MISMATCH);

        assertThat(audit.verify(new Anchor(before.headSeq(), "0".repeat(64))).problems())
                .anySatisfy(p -> assertThat(p.kind()).isEqualTo(AuditProblem.Kind.ANCHOR_MISMATCH));
    }

    private void swap(Tamper db, long a, long b) throws SQLException {
        db.sql("UPDATE audit_event SET seq = ? WHERE seq = ?", -a, a);
        db.sql("UPDATE audit_event SET seq = ? WHERE seq = ?", a, b);
        db.sql("UPDATE audit_event SET seq = ? WHERE seq = ?", b, -a);
    }

    /** Column names come back upper-case from H2 and lower-case from PostgreSQL. */
    private static String key(Map<String, Object> row, String column) {
        return row.keySet().stream().filter(k -> k.equalsIgnoreCase(column)).findFirst().orElseThrow();
    }

    private List<AuditProblem> problemsAbout(String subject) {
        return audit.verify(null).problems().stream().filter(p -> subject.equals(p.subject())).toList();
    }

    /** A US export of 100 USB drives citing a licence registered for 500 of them: REVIEW, covered by the licence. */
    private UUID screenLicensedOrder() {
        String reference = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        LicensedParty buyer = new LicensedParty("OOO Volzhsky Pribor", "RU");
        licences.register(List.of(new LicenceRequest(Jurisdiction.US, AuthorisationType.LICENCE, reference,
                new LicensedParty("Cascade Storage Inc.", "US"), List.of("eccn:5A992"), List.of("RU"), List.of(buyer),
                List.of(buyer), java.math.BigDecimal.valueOf(500), "pcs", null, null, java.time.LocalDate.of(2024, 1, 1),
                java.time.LocalDate.of(2026, 12, 31), null)), new Actor("test-actor", java.util.Set.of(Roles.LIST_MANAGER)));
        String order = """
                {"id": "LIC-%s", "date": "2025-03-10",
                 "seller": {"name": "Cascade Storage Inc.", "country": "US"},
                 "buyer": {"name": "OOO Volzhsky Pribor", "country": "RU"},
                 "end_user": {"name": "OOO Volzhsky Pribor", "country": "RU"},
                 "route": ["US", "RU"],
                 "lines": [{"description": "USB flash drives, 64 GB", "hs_code": "8523.51.10", "eccn": "5A992.c",
                            "quantity": 100, "unit": "pcs", "value": 1000, "currency": "USD"}],
                 "authorisations": [{"jurisdiction": "US", "type": "licence", "reference": "%s"}]}"""
                .formatted(reference, reference);
        registry.current(); // compile the pack outside the screening's transaction (its timeout is 60 s)
        ScreeningService.Outcome outcome = screenings.screenAndStore(OrderInput.split("test", order).documents(), null,
                new Actor("test-actor", java.util.Set.of(Roles.SCREENER))).get(0);
        assertThat(outcome.view().decision()).isEqualTo(Decision.REVIEW);
        return outcome.view().id();
    }

    private UUID screenBlockedOrder() throws Exception {
        registry.current(); // compile the pack outside the screening's transaction (its timeout is 60 s)
        ScreeningService.Outcome outcome = screenings.screenAndStore(
                OrderInput.split("test", Files.readString(BLOCKED)).documents(), null,
                new Actor("test-actor", java.util.Set.of(Roles.SCREENER))).get(0);
        assertThat(outcome.view().decision()).isEqualTo(Decision.BLOCK);
        return outcome.view().id();
    }
}
