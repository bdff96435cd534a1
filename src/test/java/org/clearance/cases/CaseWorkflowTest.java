package org.clearance.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListImportService;
import org.clearance.security.Actor;
import org.clearance.security.Roles;
import org.clearance.security.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The officers' workflow through the HTTP API with real API keys: a BLOCK opens a case and holds the order, one officer
 * proposes the release, the same officer cannot approve it, a second one does and the order is released; a false
 * positive disposition suppresses the match on the next screening; every action is in the timeline and the audit trail.
 */
@QuarkusTest
@Tag("database")
class CaseWorkflowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * An invented name, imported as a Military End-User List entry: a REVIEW for an order not going to Russia. New in
     * every run, as the test database outlives the run and keeps its dismissals.
     */
    private static final String LISTED_NAME = "Quorvath Avionics " + letters(6);

    private static String screener;
    private static String ann;
    private static String bob;
    private static String auditor;

    @Inject
    ListImportService imports;

    @Inject
    EntityManager em;

    /** Secret → the caller's name, as the server records it. */
    private static final java.util.Map<String, String> NAMES = new java.util.HashMap<>();

    @BeforeAll
    static void keys() {
        screener = key(Roles.SCREENER);
        ann = key(Roles.OFFICER);
        bob = key(Roles.OFFICER);
        auditor = key(Roles.AUDITOR);
    }

    private static String key(String role) {
        org.clearance.security.CreatedApiKey created = TestKeys.created(role);
        NAMES.put(created.secret(), "key:" + created.key().name());
        return created.secret();
    }

    @Test
    void shouldHoldABlockedOrderUntilASecondOfficerApprovesItsRelease() throws IOException {
        String orderId = "CASE-BLOCK-" + UUID.randomUUID();
        screen(example("25-us-valves-to-crimea.json", orderId)).body("decision", equalTo("BLOCK"));

        status(screener, orderId).body("status", equalTo("hold")).body("decision", equalTo("BLOCK"));
        JsonPath opened = TestKeys.with(ann).queryParam("q", orderId).get("/api/v1/cases").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].status", equalTo("open"))
                .body("items[0].priority", equalTo("high")).extract().jsonPath();
        String caseId = opened.getString("items[0].id");
        String path = "/api/v1/cases/" + caseId;

        act(ann, caseId, "{\"action\": \"assign\"}").statusCode(200)
                .body("status", equalTo("in_review")).body("assignee", equalTo(name(ann)));
        act(ann, caseId, "{\"action\": \"release\", \"reason\": \"Valves for irrigation, end user verified\"}")
                .statusCode(200).body("status", equalTo("in_review")).body("four_eyes_required", equalTo(true))
                .body("release_proposal.by", equalTo(name(ann)));
        status(screener, orderId).body("status", equalTo("hold"));

        act(ann, caseId, "{\"action\": \"approve\", \"reason\": \"I checked it myself\"}").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://clearance.dev/problems/four-eyes"))
                .body("detail", containsString("cannot also approve"));
        act(bob, caseId, "{\"action\": \"release\", \"reason\": \"again\"}").statusCode(409)
                .body("type", containsString("release-pending"));

        act(bob, caseId, "{\"action\": \"approve\", \"reason\": \"Second review: licence not needed, region checked\"}")
                .statusCode(200).body("status", equalTo("released")).body("release_proposal", nullValue())
                .body("closed_at", org.hamcrest.Matchers.notNullValue());
        status(screener, orderId).body("status", equalTo("released")).body("case_id", equalTo(caseId));
        act(bob, caseId, "{\"action\": \"escalate\", \"reason\": \"too late\"}").statusCode(409)
                .body("type", containsString("case-closed"));

        JsonPath timeline = TestKeys.with(auditor).get(path).then().statusCode(200).extract().jsonPath();
        assertThat(timeline.getList("timeline.action")).containsExactly("opened", "assign", "release", "approve");
        assertThat(timeline.getList("timeline.actor")).containsExactly(name(screener), name(ann), name(ann), name(bob));
        assertThat(timeline.getList("timeline.status_after"))
                .containsExactly("open", "in_review", "in_review", "released");
        assertThat(auditActions(caseId)).containsExactly("case.opened", "case.assign", "case.release", "case.approve");

        // Reopened, the order is held again; a new screening attaches to the case instead of opening another.
        act(ann, caseId, "{\"action\": \"reopen\", \"reason\": \"Buyer's address changed\"}").statusCode(200)
                .body("status", equalTo("open"));
        status(screener, orderId).body("status", equalTo("hold"));
        screen(example("25-us-valves-to-crimea.json", orderId)).body("decision", equalTo("BLOCK"));
        TestKeys.with(ann).queryParam("q", orderId).get("/api/v1/cases").then().body("total", equalTo(1));
        TestKeys.with(ann).get(path).then().body("screenings.size()", equalTo(2))
                .body("timeline.action", hasItem("screening_attached"));
        act(bob, caseId, "{\"action\": \"reject\", \"reason\": \"Crimea: no licence possible\"}").statusCode(200)
                .body("status", equalTo("rejected"));
        status(screener, orderId).body("status", equalTo("rejected"));
    }

    @Test
    void shouldReleaseAReviewWithOneOfficerButAskASecondOnceAPartyIsATrueMatch() throws IOException {
        importListedName();
        String orderId = "CASE-REVIEW-" + UUID.randomUUID();
        screen(order(orderId, LISTED_NAME)).body("decision", equalTo("REVIEW"));
        String caseId = caseOf(orderId);
        JsonPath view = TestKeys.with(ann).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("four_eyes_required", equalTo(false)).body("party_matches.size()", equalTo(1))
                .extract().jsonPath();
        String match = view.getString("party_matches[0].key");
        assertThat(match).startsWith("match:US-BIS-MEU:").endsWith(":/buyer");

        dispose(ann, caseId, "{\"subject\": \"%s\", \"disposition\": \"true_match\", \"reason\": \"Same firm, same address\"}"
                .formatted(match)).statusCode(200).body("four_eyes_required", equalTo(true))
                .body("party_matches[0].disposition.disposition", equalTo("true_match"));
        act(ann, caseId, "{\"action\": \"release\", \"reason\": \"MEU: goods are EAR99 desks\"}").statusCode(200)
                .body("status", equalTo("open")).body("release_proposal.by", equalTo(name(ann)));
        act(bob, caseId, "{\"action\": \"approve\", \"reason\": \"Agreed\"}").statusCode(200)
                .body("status", equalTo("released"));

        // The confirmed party is on the internal watch list: when the publisher drops the entry, it is still caught.
        Path other = Files.createTempFile("meu", ".csv");
        Files.writeString(other, "name,aliases,country,address,reason\nZzyzx Unrelated Holdings,,AE,,x\n");
        imports.importFile("us-bis-meu", ListFormat.CUSTOM_CSV, other, Actor.cliOperator());
        String later = "CASE-WATCH-" + UUID.randomUUID();
        screen(order(later, LISTED_NAME)).body("decision", equalTo("REVIEW"));
        TestKeys.with(ann).get("/api/v1/cases/" + caseOf(later)).then()
                .body("party_matches[0].list", equalTo("US-BIS-MEU"))
                .body("party_matches[0].source_id", equalTo(view.getString("party_matches[0].source_id")));
        imports.importFile("us-bis-meu", ListFormat.CUSTOM_CSV, listFile(), Actor.cliOperator()); // as the other tests expect
    }

    @Test
    void shouldSuppressAFalsePositiveMatchOnTheNextScreening() throws IOException {
        importListedName();
        String orderId = "CASE-FP-" + UUID.randomUUID();
        String buyer = LISTED_NAME + " FZE";
        screen(order(orderId, buyer)).body("decision", equalTo("REVIEW"));
        String caseId = caseOf(orderId);
        String match = TestKeys.with(ann).get("/api/v1/cases/" + caseId).then().extract().jsonPath()
                .getString("party_matches[0].key");

        JsonPath disposed = dispose(ann, caseId, """
                {"subject": "%s", "disposition": "false_positive", "reason": "Different firm: Dubai free-zone trader"}
                """.formatted(match)).statusCode(200).extract().jsonPath();
        String dismissalId = disposed.getString("dispositions[0].dismissal_id");
        assertThat(dismissalId).isNotNull();
        TestKeys.with(ann).get("/api/v1/parties/dismissals/" + dismissalId).then().statusCode(200)
                .body("reviewer", equalTo(name(ann))).body("party_name", equalTo(buyer));

        screen(order(orderId, buyer)).body("decision", equalTo("CLEAR"));
        TestKeys.with(ann).get("/api/v1/cases/" + caseId).then()
                .body("screenings.decision", equalTo(List.of("REVIEW", "CLEAR")))
                .body("party_matches.size()", equalTo(0));
        status(screener, orderId).body("status", equalTo("hold")); // an officer closes the case, not the re-screening
        act(ann, caseId, "{\"action\": \"release\", \"reason\": \"False positive, re-screened CLEAR\"}").statusCode(200)
                .body("status", equalTo("released"));
        status(screener, orderId).body("status", equalTo("released"));
    }

    @Test
    void shouldRefuseBadBodiesNamingEachProblemAndChangeNothing() throws IOException {
        String orderId = "CASE-BAD-" + UUID.randomUUID();
        screen(example("25-us-valves-to-crimea.json", orderId));
        String caseId = caseOf(orderId);

        act(ann, caseId, "{\"action\": \"release\"}").statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", equalTo(List.of("/reason")));
        act(ann, caseId, "{\"action\": \"ship-it\", \"reason\": \"x\"}").statusCode(400)
                .body("errors[0].pointer", equalTo("/action")).body("errors[0].message", containsString("request_information"));
        act(ann, caseId, "{\"action\": \"comment\", \"reason\": \"x\", \"actor\": \"chief.compliance\"}").statusCode(400)
                .body("errors[0].pointer", equalTo("/actor")).body("errors[0].message", containsString("authenticated caller"));
        act(ann, caseId, "{\"action\": 3, \"reason\": [\"x\"], \"colour\": \"red\"}").statusCode(400)
                .body("errors.pointer", equalTo(List.of("/colour", "/action", "/reason")));
        act(ann, caseId, "{\"action\": \"comment\", \"reason\": \"" + "x".repeat(4001) + "\"}").statusCode(400)
                .body("errors[0].message", containsString("longer than 4000"));
        act(ann, caseId, "{\"action\": ").statusCode(400).contentType("application/problem+json");
        act(ann, caseId, "[1, 2]").statusCode(400);
        dispose(ann, caseId, "{\"subject\": \"finding:US-CRIMEA-01:/route/1\", \"disposition\": \"licensed\", \"reason\": \"r\"}")
                .statusCode(400).body("errors[0].pointer", equalTo("/authorisation"));
        dispose(ann, caseId, "{\"subject\": \"finding:NOPE\", \"disposition\": \"not_relevant\", \"reason\": \"r\"}")
                .statusCode(404).body("detail", containsString("GET the case for the keys"));
        act(ann, UUID.randomUUID().toString(), "{\"action\": \"comment\", \"reason\": \"x\"}").statusCode(404);
        act(ann, "not-a-uuid", "{\"action\": \"comment\", \"reason\": \"x\"}").statusCode(404);

        TestKeys.with(ann).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("open")).body("timeline.size()", equalTo(1)).body("dispositions.size()", equalTo(0));
    }

    @Test
    void shouldFilterCasesAndNameUnknownOrInvalidFilters() throws IOException {
        String orderId = "CASE-LIST-" + UUID.randomUUID();
        screen(example("25-us-valves-to-crimea.json", orderId));
        String caseId = caseOf(orderId);
        act(ann, caseId, "{\"action\": \"assign\", \"assignee\": \"officer.carla\"}").statusCode(200);

        TestKeys.with(auditor).queryParam("assignee", "officer.carla").queryParam("status", "in_review,escalated")
                .queryParam("decision", "BLOCK").queryParam("party", "krymagro").queryParam("overdue", "false")
                .get("/api/v1/cases").then().statusCode(200).body("items.id", hasItem(caseId));
        TestKeys.with(auditor).queryParam("assignee", "officer.carla").queryParam("status", "released")
                .get("/api/v1/cases").then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(caseId)));
        TestKeys.with(auditor).queryParam("status", "done").queryParam("overdue", "yes").queryParam("colour", "red")
                .get("/api/v1/cases").then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", org.hamcrest.Matchers.containsInAnyOrder("status", "overdue", "colour"));
    }

    @Test
    void shouldAnswerOrderStatusOnlyForOrdersTheScreenerSubmitted() throws IOException {
        String orderId = "CASE-STATUS-" + UUID.randomUUID();
        screen(example("03-italian-furniture-to-kazakhstan-clear.json", orderId)).body("decision", equalTo("CLEAR"));
        status(screener, orderId).body("status", equalTo("clear")).body("case_id", nullValue());
        TestKeys.with(TestKeys.create(Roles.SCREENER)).get("/api/v1/orders/" + orderId + "/status").then().statusCode(404);
        status(auditor, orderId).body("status", equalTo("clear"));
        TestKeys.with(ann).get("/api/v1/orders/NEVER-SCREENED-" + UUID.randomUUID() + "/status").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static String letters(int count) {
        java.util.Random random = new java.util.Random();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static io.restassured.response.ValidatableResponse screen(String order) {
        return TestKeys.with(screener).contentType("application/json").body(order).post("/api/v1/screenings")
                .then().statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse status(String key, String orderId) {
        return TestKeys.with(key).get("/api/v1/orders/" + orderId + "/status").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse act(String key, String caseId, String body) {
        return request(key, body).post("/api/v1/cases/" + caseId + "/actions").then();
    }

    private static io.restassured.response.ValidatableResponse dispose(String key, String caseId, String body) {
        return request(key, body).post("/api/v1/cases/" + caseId + "/dispositions").then();
    }

    private static RequestSpecification request(String key, String body) {
        return TestKeys.with(key).contentType("application/json").body(body);
    }

    private static String caseOf(String orderId) {
        return TestKeys.with(ann).queryParam("q", orderId).get("/api/v1/cases").then().statusCode(200)
                .body("total", equalTo(1)).extract().jsonPath().getString("items[0].id");
    }

    private static String name(String key) {
        return NAMES.get(key);
    }

    private List<String> auditActions(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT action FROM audit_event WHERE subject = ?1 ORDER BY seq", String.class)
                .setParameter(1, caseId).getResultList());
    }

    private static String example(String file, String orderId) throws IOException {
        ObjectNode order = (ObjectNode) JSON.readTree(Files.readString(Path.of("examples/orders", file)));
        order.put("id", orderId);
        return order.toString();
    }

    private static String order(String orderId, String buyer) {
        return """
                {"id": "%s", "date": "2025-05-20",
                 "seller": {"name": "Elbtal Mikrosysteme GmbH", "country": "DE", "type": "distributor"},
                 "buyer": {"name": "%s", "country": "AE", "type": "distributor"},
                 "route": ["DE", "AE"],
                 "lines": [{"description": "Wooden office desks", "hs_code": "9403.30.11", "quantity": 4, "unit": "pcs"}]}
                """.formatted(orderId, buyer);
    }

    /** The Military End-User List as these tests expect it: one entry, the invented name. */
    private void importListedName() throws IOException {
        imports.importFile("us-bis-meu", ListFormat.CUSTOM_CSV, listFile(), Actor.cliOperator());
    }

    private static Path listFile() throws IOException {
        Path file = Files.createTempFile("meu", ".csv");
        return Files.writeString(file, "name,aliases,country,address,reason\n" + LISTED_NAME + ",,AE,,test entry\n");
    }
}
