package org.clearance.rescreen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListImportService;
import org.clearance.screening.Screening;
import org.clearance.security.Actor;
import org.clearance.security.Roles;
import org.clearance.security.TestKeys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Open orders are screened again when a list changes, and only those the change affects: an order whose buyer an
 * import adds to the Unverified List goes on hold with a case, its neighbours stay clear, a cancelled order is left
 * alone, and when the entry is dropped again the order is screened again.
 */
@QuarkusTest
@Tag("database")
class RescreenTest {

    @Inject
    ListImportService imports;

    @Test
    void shouldHoldAnOpenOrderWhoseBuyerAListImportAddsAndLeaveTheOthers() throws IOException {
        String screener = TestKeys.create(Roles.SCREENER);
        String officer = TestKeys.create(Roles.OFFICER);
        String listed = "Velkorin Dynamics " + letters(7);
        String affected = "RESCREEN-HIT-" + UUID.randomUUID();
        String neighbour = "RESCREEN-MISS-" + UUID.randomUUID();
        String cancelled = "RESCREEN-CANCELLED-" + UUID.randomUUID();
        screen(screener, affected, listed).body("decision", equalTo("CLEAR"));
        screen(screener, neighbour, "Harmless Furniture " + letters(7)).body("decision", equalTo("CLEAR"));
        screen(screener, cancelled, listed).body("decision", equalTo("CLEAR"));
        TestKeys.with(screener).post("/api/v1/orders/" + cancelled + "/cancelled").then().statusCode(200)
                .body("state", equalTo("cancelled"));

        importUvl(listed); // re-screens what the import affects before it returns

        TestKeys.with(screener).get("/api/v1/orders/" + affected + "/status").then().statusCode(200)
                .body("status", equalTo("hold")).body("decision", equalTo("REVIEW"));
        TestKeys.with(screener).get("/api/v1/orders/" + neighbour + "/status").then().body("status", equalTo("clear"));
        assertThat(screenings(neighbour)).isEqualTo(1);
        assertThat(screenings(cancelled)).isEqualTo(1);
        assertThat(screenings(affected)).isEqualTo(2);
        String caseId = TestKeys.with(officer).queryParam("q", affected).get("/api/v1/cases").then()
                .body("total", equalTo(1)).extract().jsonPath().getString("items[0].id");
        TestKeys.with(officer).get("/api/v1/cases/" + caseId).then()
                .body("findings.rule_id", org.hamcrest.Matchers.hasItem("US-LIST-UVL-01"))
                .body("timeline[0].actor", equalTo("system:rescreen"));

        JsonPath run = TestKeys.with(officer).get("/api/v1/rescreens").then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("[0].cause")).startsWith("list us-bis-uvl version ");
        assertThat(run.getInt("[0].changed")).isGreaterThanOrEqualTo(1);
        assertThat(run.getInt("[0].considered")).isLessThan(run.getInt("[0].open_orders")); // not every open order

        // A held order does not ship; a clear one does, once.
        TestKeys.with(screener).post("/api/v1/orders/" + affected + "/shipped").then().statusCode(409)
                .body("type", containsString("order-not-released"));
        TestKeys.with(screener).post("/api/v1/orders/" + neighbour + "/shipped").then().statusCode(200);
        TestKeys.with(screener).post("/api/v1/orders/" + neighbour + "/shipped").then().statusCode(409)
                .body("type", containsString("order-closed"));

        // The publisher drops the entry: the order that matched it is screened again and attached to its case.
        importUvl("Someone Else Entirely " + letters(7));
        assertThat(screenings(affected)).isEqualTo(3);
        TestKeys.with(officer).get("/api/v1/cases/" + caseId).then()
                .body("screenings.decision", equalTo(java.util.List.of("REVIEW", "CLEAR")));
        TestKeys.with(screener).get("/api/v1/orders/" + affected + "/status").then().body("status", equalTo("hold"));
    }

    @Inject
    RescreenService rescreens;

    @Inject
    org.clearance.rules.RulePackRegistry registry;

    @Test
    void shouldRescreenAfterAnActivationOnceWhicheverServerClaimsIt() {
        org.clearance.rules.RulePack live = registry.current();
        long versionId = registry.versionId(registry.live());
        String orderId = "RESCREEN-PACK-" + UUID.randomUUID();
        screen(TestKeys.create(Roles.SCREENER), orderId, "Harmless Furniture " + letters(7));
        Object[] before = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            java.util.List<Object[]> rows = em.createNativeQuery("SELECT activation, pack_hash, rule_pack_version_id, "
                    + "rescreened_activation FROM active_rule_pack WHERE id = 1").getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
        try {
            activate("0".repeat(64), versionId, before);
            assertThat(rescreens.afterActivation(live)).as("another pack is active than the one live here").isEmpty();
            activate(live.hash(), versionId, before);
            RescreenRunView run = rescreens.afterActivation(live).orElseThrow();
            assertThat(run.cause()).startsWith("rule pack " + live.shortHash() + " activated");
            // Orders screened with the activated pack itself cannot change: this one is not screened again.
            assertThat(screenings(orderId)).isEqualTo(1);
            assertThat(run.considered()).isLessThan(run.openOrders());
            assertThat(rescreens.afterActivation(live)).as("claimed once, by one server").isEmpty();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                if (before == null) {
                    em.createNativeQuery("DELETE FROM active_rule_pack WHERE id = 1").executeUpdate();
                } else {
                    em.createNativeQuery("UPDATE active_rule_pack SET activation = ?1, pack_hash = ?2, "
                            + "rule_pack_version_id = ?3, rescreened_activation = ?4 WHERE id = 1")
                            .setParameter(1, before[0]).setParameter(2, before[1]).setParameter(3, before[2])
                            .setParameter(4, before[3]).executeUpdate();
                }
            });
        }
    }

    /** A new activation of {@code hash}, not yet re-screened for. */
    private void activate(String hash, long versionId, Object[] before) {
        QuarkusTransaction.requiringNew().run(() -> {
            int updated = em.createNativeQuery("UPDATE active_rule_pack SET activation = activation + 1, pack_hash = ?1, "
                    + "rule_pack_version_id = ?2, rescreened_activation = activation WHERE id = 1")
                    .setParameter(1, hash).setParameter(2, versionId).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO active_rule_pack (id, activation, pack_hash, rule_pack_version_id, "
                        + "activated_by, activated_at, rescreened_activation) VALUES (1, 1, ?1, ?2, 'test', ?3, 0)")
                        .setParameter(1, hash).setParameter(2, versionId).setParameter(3, java.time.Instant.now())
                        .executeUpdate();
            }
        });
    }

    @Test
    void shouldRescreenOnlyOrdersWithFindingsOfARuleWhoseSeverityOrCitationChanged() throws IOException {
        String screener = TestKeys.create(Roles.SCREENER);
        String chpToEmirates = "RESCREEN-DIV-" + UUID.randomUUID();
        String desks = "RESCREEN-DESKS-" + UUID.randomUUID();
        screen(screener, chpToEmirates, "Harmless Electronics " + letters(7), "8542.31.90");
        screen(screener, desks, "Harmless Furniture " + letters(7), "9403.30.11");
        assertThat(findings(chpToEmirates)).contains("ALL-DIV-01");
        assertThat(findings(desks)).doesNotContain("ALL-DIV-01");

        // The pack these orders were screened with, with only the citation of ALL-DIV-01 changed.
        Path head = Files.createTempDirectory("rescreen-head");
        org.clearance.rules.FileTrees.copy(registry.current().directory(), head);
        Path rule = head.resolve("common/diversion-risk-countries.drl");
        Files.writeString(rule, Files.readString(rule).replace("@citation(\"FinCEN & BIS joint alert",
                "@citation(\"FinCEN and BIS joint alert"));
        org.clearance.rules.RulePack changed = org.clearance.rules.RulePackLoader.load(head);
        assertThat(changed.hash()).isNotEqualTo(registry.current().hash());

        RescreenRunView run = rescreens.afterPackChange(changed, "test", Actor.system("test"));
        assertThat(run.cause()).contains("screened with " + registry.current().shortHash()
                + ": those with findings of ALL-DIV-01");
        assertThat(run.considered()).isPositive().isLessThan(run.openOrders());
        // Screened again with the live pack, whose ALL-DIV-01 reads as before: unchanged, so not stored again.
        assertThat(screenings(chpToEmirates)).isEqualTo(1);
        org.clearance.rules.FileTrees.delete(head);
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    jakarta.enterprise.event.Event<org.clearance.trade.CountryRisksChanged> countryRisksChanged;

    @Test
    void shouldConsiderOnlyOpenOrdersTouchingACountryWhoseRiskChanged() {
        String orderId = "RESCREEN-RISK-" + UUID.randomUUID();
        screen(TestKeys.create(Roles.SCREENER), orderId, "Harmless Furniture " + letters(7)); // DE seller, AE buyer
        countryRisksChanged.fire(new org.clearance.trade.CountryRisksChanged(java.util.Set.of("AE")));
        RescreenRunView ae = rescreens.runs(1).get(0);
        assertThat(ae.cause()).isEqualTo("country risk of AE changed");
        assertThat(ae.considered()).isPositive().isLessThanOrEqualTo(ae.openOrders());
        assertThat(screenings(orderId)).isEqualTo(1); // considered, unchanged: only counted

        countryRisksChanged.fire(new org.clearance.trade.CountryRisksChanged(java.util.Set.of("AQ")));
        assertThat(rescreens.runs(1).get(0).considered()).as("no open order touches Antarctica").isZero();
    }

    @Test
    void shouldRescreenByHandOnlyTheOpenOrdersScreenedSinceTheGivenInstant() throws InterruptedException {
        String screener = TestKeys.create(Roles.SCREENER);
        String before = "RESCREEN-BEFORE-" + UUID.randomUUID();
        String after = "RESCREEN-AFTER-" + UUID.randomUUID();
        screen(screener, before, "Harmless Furniture " + letters(7)).body("decision", equalTo("CLEAR"));
        Thread.sleep(20); // screening times are stored to the microsecond; keep the two apart
        java.time.Instant since = java.time.Instant.now();
        screen(screener, after, "Harmless Furniture " + letters(7)).body("decision", equalTo("CLEAR"));

        RescreenRunView run = rescreens.all(since, "by hand since " + since, Actor.cliOperator());

        assertThat(run.considered()).as("open orders screened since %s", since).isEqualTo(1);
        assertThat(run.openOrders()).isGreaterThanOrEqualTo(2);
        assertThat(screenings(before)).isEqualTo(1);
    }

    private static io.restassured.response.ValidatableResponse screen(String key, String orderId, String buyer) {
        return screen(key, orderId, buyer, "9403.30.11");
    }

    private static io.restassured.response.ValidatableResponse screen(String key, String orderId, String buyer,
                                                                      String hsCode) {
        return TestKeys.with(key).contentType("application/json").body("""
                {"id": "%s", "date": "2025-05-20",
                 "seller": {"name": "Elbtal Mikrosysteme GmbH", "country": "DE", "type": "distributor"},
                 "buyer": {"name": "%s", "country": "AE", "type": "distributor"},
                 "route": ["DE", "AE"],
                 "lines": [{"description": "Office goods", "hs_code": "%s", "quantity": 4, "unit": "pcs"}]}
                """.formatted(orderId, buyer, hsCode)).post("/api/v1/screenings").then().statusCode(201);
    }

    private void importUvl(String name) throws IOException {
        Path file = Files.createTempFile("uvl", ".csv");
        Files.writeString(file, "name,aliases,country,address,reason\n" + name + ",,AE,,test entry\n");
        imports.importFile("us-bis-uvl", ListFormat.CUSTOM_CSV, file, Actor.cliOperator());
    }

    private static java.util.List<String> findings(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> Screening.<Screening>find("orderId", orderId).firstResult()
                .findings.stream().map(f -> f.ruleId).toList());
    }

    private static long screenings(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> Screening.count("orderId", orderId));
    }

    private static String letters(int count) {
        Random random = new Random();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
