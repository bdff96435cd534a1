package org.clearance.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clearance.security.Roles;
import org.clearance.security.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The licence register end to end through HTTP: registering licences (all or nothing, every problem named), a licensed
 * export screened as REVIEW citing its licence, the licence problems that keep a BLOCK, and shipments that use licences
 * up atomically, once per screening and never below zero, and a replay that resolves the cited licences as the screening
 * found them (H2, and PostgreSQL in CI's second run).
 */
@QuarkusTest
@Tag("database")
class LicencesTest {

    private static String listManager;
    private static String screener;
    private static String auditor;

    @Inject
    EntityManager em;

    @BeforeAll
    static void keys() {
        listManager = TestKeys.create(Roles.LIST_MANAGER);
        screener = TestKeys.create(Roles.SCREENER);
        auditor = TestKeys.create(Roles.AUDITOR);
    }

    private static String reference() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A BIS licence for the USB drives of {@link #order}: 5A992, Russia, the buyer as consignee and end user. */
    private static String licence(String reference, String validUntil, int quantity) {
        return """
                {"jurisdiction": "US", "reference": "%s",
                 "holder": {"name": "Cascade Storage Inc.", "country": "US"},
                 "items": ["eccn:5A992"], "destinations": ["RU"],
                 "consignees": [{"name": "OOO Volzhsky Pribor", "country": "RU"}],
                 "end_users": [{"name": "OOO Volzhsky Pribor", "country": "RU"}],
                 "quantity": %d, "quantity_unit": "pcs", "value": 1000000, "value_currency": "USD",
                 "valid_from": "2024-01-01", "valid_until": "%s",
                 "conditions": "No re-export without prior BIS authorisation"}""".formatted(reference, quantity, validUntil);
    }

    /** USB drives classified 5A992.c from a US seller to a Russian buyer (15 CFR 746.8(a)(1)), citing {@code reference}. */
    private static String order(String reference, int quantity) {
        return """
                {"id": "LIC-%s", "date": "2025-03-10",
                 "seller": {"name": "Cascade Storage Inc.", "country": "US"},
                 "buyer": {"name": "OOO Volzhsky Pribor", "country": "RU"},
                 "end_user": {"name": "OOO Volzhsky Pribor", "country": "RU"},
                 "route": ["US", "RU"],
                 "lines": [{"description": "USB flash drives, 64 GB", "hs_code": "8523.51.10", "eccn": "5A992.c",
                            "quantity": %d, "unit": "pcs", "value": %d, "currency": "USD"}],
                 "authorisations": [{"jurisdiction": "US", "type": "licence", "reference": "%s"}]}"""
                .formatted(UUID.randomUUID(), quantity, quantity * 10, reference);
    }

    private static JsonPath register(String body) {
        return TestKeys.with(listManager).contentType("application/json").body(body).post("/api/v1/licences")
                .then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath screen(String order) {
        return TestKeys.with(screener).contentType("application/json").body(order).post("/api/v1/screenings")
                .then().statusCode(201).extract().jsonPath();
    }

    private static Response ship(String screeningId) {
        return TestKeys.with(screener).post("/api/v1/screenings/" + screeningId + "/shipped");
    }

    private static JsonPath registered(String reference) {
        return TestKeys.with(auditor).queryParam("reference", reference).get("/api/v1/licences")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldScreenALicensedExportAsReviewCitingTheLicenceInsteadOfBlock() {
        String reference = reference();
        JsonPath created = register(licence(reference, "2026-12-31", 5000));
        assertThat(created.getString("[0].reference")).isEqualTo(reference);
        assertThat(created.getString("[0].created_by")).contains("test-");
        assertThat(registered(reference).getInt("[0].quantity_remaining")).isEqualTo(5000);

        JsonPath screening = screen(order(reference, 3000));

        assertThat(screening.getString("decision")).isEqualTo("REVIEW");
        assertThat(screening.getString("verdicts.US")).isEqualTo("REVIEW");
        assertThat(screening.getList("findings.rule_id", String.class)).contains("ALL-AUTH-COVER-01", "US-ECCN-01");
        String covered = screening.getString("findings.find { it.rule_id == 'US-ECCN-01' }.message");
        assertThat(screening.getString("findings.find { it.rule_id == 'US-ECCN-01' }.severity")).isEqualTo("REVIEW");
        assertThat(covered).contains("Covered by US licence " + reference).contains("instead of BLOCK");
        assertThat(screening.getString("findings.find { it.rule_id == 'ALL-AUTH-COVER-01' }.message"))
                .contains(reference).contains("valid until 2026-12-31").contains("No re-export");
    }

    @Test
    void shouldKeepTheBlockAndSayWhenTheCitedLicenceExpired() {
        String reference = reference();
        register(licence(reference, "2025-01-31", 5000));

        JsonPath screening = screen(order(reference, 3000));

        assertThat(screening.getString("decision")).isEqualTo("BLOCK");
        assertThat(screening.getList("findings.rule_id", String.class)).contains("ALL-AUTH-EXPIRED-01", "US-ECCN-01")
                .doesNotContain("ALL-AUTH-COVER-01");
        assertThat(screening.getString("findings.find { it.rule_id == 'ALL-AUTH-EXPIRED-01' }.message"))
                .contains("US licence " + reference + " expired on 2025-01-31");
        assertThat(screening.getString("findings.find { it.rule_id == 'ALL-AUTH-EXPIRED-01' }.subject.pointer"))
                .isEqualTo("/authorisations/0");
    }

    @Test
    void shouldSayWhenACitedLicenceIsNotRegistered() {
        JsonPath screening = screen(order(reference(), 10));

        assertThat(screening.getString("decision")).isEqualTo("BLOCK");
        assertThat(screening.getString("findings.find { it.rule_id == 'ALL-AUTH-UNKNOWN-01' }.message"))
                .contains("is not in the licence register");
    }

    @Test
    void shouldUseUpALicenceOnShipmentSoThatTheNextOrderIsBlockedAndRefuseShippingTwice() {
        String reference = reference();
        register(licence(reference, "2026-12-31", 3000));
        String first = screen(order(reference, 3000)).getString("id");

        JsonPath shipped = ship(first).then().statusCode(200).extract().jsonPath();
        assertThat(shipped.getString("licences[0].reference")).isEqualTo(reference);
        assertThat(shipped.getInt("licences[0].quantity")).isEqualTo(3000);
        assertThat(shipped.getInt("licences[0].quantity_remaining")).isZero();
        assertThat(shipped.getString("shipped_by")).contains("test-");

        ship(first).then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("shipment-refused"))
                .body("detail", org.hamcrest.Matchers.containsString("already marked shipped"));
        assertThat(registered(reference).getInt("[0].quantity_remaining")).isZero();
        assertThat(auditCount(registered(reference).getString("[0].id"), "licence.used")).isEqualTo(1);
        assertThat(auditCount(first, "screening.shipped")).isEqualTo(1);

        JsonPath exhausted = screen(order(reference, 3000));
        assertThat(exhausted.getString("decision")).isEqualTo("BLOCK");
        assertThat(exhausted.getString("findings.find { it.rule_id == 'ALL-AUTH-QUANTITY-01' }.message"))
                .contains("3000 pcs asked, 0 pcs left");
        ship(exhausted.getString("id")).then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("BLOCK"));
        assertThat(registered(reference).getInt("[0].quantity_remaining")).isZero();
    }

    @Test
    void shouldReplayALicensedScreeningWithTheRegisterAsItWasAfterAShipmentUsedTheLicenceUp() {
        String reference = reference();
        register(licence(reference, "2026-12-31", 3000));
        String first = screen(order(reference, 3000)).getString("id");
        assertThat(citedLicences(first)).contains("\"reference\":\"" + reference + "\"").contains("\"quantity_remaining\":3000");
        ship(screen(order(reference, 3000)).getString("id")).then().statusCode(200); // nothing left in the register

        JsonPath original = replay(first, false);
        JsonPath current = replay(first, true);

        assertThat(original.getBoolean("identical")).isTrue();
        assertThat(original.getString("replayed_decision")).isEqualTo("REVIEW");
        assertThat(original.getList("notes", String.class)).noneMatch(n -> n.contains("licence"));
        assertThat(current.getBoolean("identical")).isFalse();
        assertThat(current.getString("replayed_decision")).isEqualTo("BLOCK");
        assertThat(current.getList("added.rule_id", String.class)).contains("ALL-AUTH-QUANTITY-01");
        TestKeys.with(auditor).get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", org.hamcrest.Matchers.equalTo(true));
    }

    private static JsonPath replay(String screeningId, boolean current) {
        return TestKeys.with(auditor).queryParam("current", current).get("/api/v1/screenings/" + screeningId + "/replay")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldNeverTakeALicenceBelowZeroWhenShipmentsRunConcurrently() throws Exception {
        String reference = reference();
        register(licence(reference, "2026-12-31", 5000));
        List<String> screenings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JsonPath screening = screen(order(reference, 1000));
            assertThat(screening.getString("decision")).isEqualTo("REVIEW");
            screenings.add(screening.getString("id"));
        }
        // Each screening twice, all at once: 16 requests for 8 screenings of 1,000 on a licence of 5,000.
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (String id : screenings) {
                for (int twice = 0; twice < 2; twice++) {
                    Callable<Integer> call = () -> {
                        start.await();
                        return ship(id).statusCode();
                    };
                    statuses.add(pool.submit(call));
                }
            }
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get());
            }
            assertThat(answers).containsOnly(200, 409);
            assertThat(answers.stream().filter(s -> s == 200)).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(registered(reference).getInt("[0].quantity_remaining")).isZero();
        assertThat(usageRows(reference)).isEqualTo(5);
    }

    @Test
    void shouldRefuseInvalidLicencesNamingEveryProblemAndStoreNothing() {
        String good = reference();
        String body = "[" + licence(good, "2026-12-31", 10) + ", " + """
                {"jurisdiction": "XX", "reference": "bad reference!", "holder": {"name": "Acme", "country": "ZZ"},
                 "items": ["widget"], "quantity": -5, "quantity_unit": "pcs", "valid_from": "2026-01-01",
                 "valid_until": "2025-01-01", "conditions": "%s", "colour": "red"}]""".formatted("x".repeat(2001));

        Response refused = TestKeys.with(listManager).contentType("application/json").body(body).post("/api/v1/licences");

        refused.then().statusCode(400).body("type", org.hamcrest.Matchers.endsWith("invalid-licences"));
        List<String> pointers = refused.jsonPath().getList("errors.pointer", String.class);
        assertThat(pointers).contains("/1/jurisdiction", "/1/reference", "/1/holder/country", "/1/items/0", "/1/quantity",
                "/1/valid_until", "/1/conditions", "/1/colour");
        assertThat(refused.jsonPath().getString("errors.find { it.pointer == '/1/quantity' }.message")).contains("negative");
        assertThat(registered(good).getList("$")).as("the valid licence of the refused import").isEmpty();
    }

    @Test
    void shouldRefuseMalformedJsonAndDuplicateFieldsWith400() {
        TestKeys.with(listManager).contentType("application/json").body("{\"jurisdiction\": \"US\",").post("/api/v1/licences")
                .then().statusCode(400).body("errors[0].message", org.hamcrest.Matchers.containsString("malformed JSON"));
        TestKeys.with(listManager).contentType("application/json")
                .body("{\"jurisdiction\": \"US\", \"jurisdiction\": \"EU\"}").post("/api/v1/licences")
                .then().statusCode(400).body("errors[0].message", org.hamcrest.Matchers.containsString("each field may appear only once"));
    }

    @Test
    void shouldRefuseARegisteredReferenceWith409AndKeepTheWholeImportOut() {
        String existing = reference();
        String fresh = reference();
        register(licence(existing, "2026-12-31", 10));

        TestKeys.with(listManager).contentType("application/json")
                .body("[" + licence(fresh, "2026-12-31", 10) + ", " + licence(existing.toLowerCase(), "2026-12-31", 10) + "]")
                .post("/api/v1/licences").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString(existing.toLowerCase() + " is already registered"));

        assertThat(registered(fresh).getList("$")).isEmpty();
        assertThat(auditCount(registered(existing).getString("[0].id"), "licence.registered")).isEqualTo(1);
    }

    @Test
    void shouldRecordTheCallerAsWhoRegisteredAndListByJurisdiction() {
        String reference = reference();
        String id = register(licence(reference, "2026-12-31", 10)).getString("[0].id");
        TestKeys.with(auditor).get("/api/v1/licences/" + id).then().statusCode(200).body("reference", org.hamcrest.Matchers.equalTo(reference));
        TestKeys.with(auditor).queryParam("jurisdiction", "us").get("/api/v1/licences").then().statusCode(200)
                .body("reference", hasItem(reference));
        TestKeys.with(auditor).queryParam("jurisdiction", "XX").get("/api/v1/licences").then().statusCode(400);
        assertThat(auditCount(id, "licence.registered")).isEqualTo(1);
    }

    @Transactional
    long auditCount(String subject, String action) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM audit_event WHERE subject = ?1 AND action = ?2")
                .setParameter(1, subject).setParameter(2, action).getSingleResult()).longValue();
    }

    @Transactional
    String citedLicences(String screeningId) {
        return (String) em.createNativeQuery("SELECT cited_licences FROM screening WHERE id = ?1")
                .setParameter(1, UUID.fromString(screeningId)).getSingleResult();
    }

    @Transactional
    long usageRows(String reference) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM licence_usage u JOIN licence l ON l.id = u.licence_id "
                + "WHERE l.reference = ?1").setParameter(1, reference).getSingleResult()).longValue();
    }
}
