package org.clearance.parties;

import org.clearance.security.Roles;
import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.clearance.facts.PartyMatch;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListImportService;
import org.clearance.order.OrderInput;
import org.clearance.screening.Decision;
import org.clearance.screening.ScreeningService;
import org.clearance.screening.ScreeningView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The lists and parties API over HTTP (problem+json bodies too), dismissals, and screening against imported lists. */
@QuarkusTest
@TestSecurity(user = "officer.ann", roles = {Roles.OFFICER, Roles.LIST_MANAGER, Roles.SCREENER})
@Tag("database")
class PartiesResourceTest {

    private static final String OFAC_SAMPLE = "src/test/resources/lists/ofac/sdn";

    @Inject
    ListImportService imports;

    @Inject
    ScreeningService screenings;

    @Inject
    PartyIndex index;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String customList(String name) {
        return "name,aliases,country,address,reason\n" + name + ",,AE,,test entry\n";
    }

    @Test
    void shouldImportAnUploadedFileThenAnswerUnchangedForTheSameFile() {
        String source = unique("http");
        String body = customList("Velmira Optronics Trading");
        given().contentType("text/csv").body(body).post("/api/v1/lists/" + source + "?format=custom_csv")
                .then().statusCode(201).body("status", equalTo("IMPORTED")).body("version.entry_count", equalTo(1))
                .body("version.source", equalTo(source));
        given().contentType("text/csv").body(body).post("/api/v1/lists/" + source + "?format=custom_csv")
                .then().statusCode(200).body("status", equalTo("UNCHANGED"));
        given().get("/api/v1/lists").then().statusCode(200)
                .body("sources.source", hasItem(source))
                .body("sources.find { it.source == '" + source + "' }.entry_count", equalTo(1))
                .body("sources.find { it.source == '" + source + "' }.age_seconds", org.hamcrest.Matchers.lessThan(60)); // just imported (a second may tick on a slow machine)
    }

    @Test
    void shouldRefuseAnUploadThatGutsTheListUnlessConfirmedAndRecordTheImporter() {
        String source = unique("shrink");
        StringBuilder five = new StringBuilder("name,aliases,country,address,reason\n");
        for (String name : List.of("Arvenko Metals", "Borlith Systems", "Cradova Optics", "Dunmere Avionics", "Eskarov Tools")) {
            five.append(name).append(",,AE,,test entry\n");
        }
        given().contentType("text/csv").body(five.toString()).post("/api/v1/lists/" + source + "?format=custom_csv")
                .then().statusCode(201);
        String one = "name,aliases,country,address,reason\nArvenko Metals,,AE,,test entry\n";

        given().contentType("text/csv").body(one).post("/api/v1/lists/" + source + "?format=custom_csv")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("4 fewer than the 5 entries of the active version (80 %)"))
                .body("detail", containsString("20 %"));
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> org.clearance.lists.ListImport.active(source).orElseThrow().entryCount)).isEqualTo(5); // unchanged

        given().contentType("text/csv").body(one).queryParam("allow_shrink", true).post("/api/v1/lists/" + source + "?format=custom_csv")
                .then().statusCode(201).body("version.entry_count", equalTo(1));
        org.clearance.lists.ListImport active = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> org.clearance.lists.ListImport.active(source).orElseThrow());
        assertThat(active.importedBy).isEqualTo("officer.ann");
    }

    @Test
    void shouldRefuseInvalidUtf8AndNulBytesWithTheirLine() {
        byte[] latin1 = "name,aliases,country,address,reason\nAcme,,AE,,x\nSoci\u00e9t\u00e9 X,,FR,,x\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        given().contentType("text/csv").body(latin1).post("/api/v1/lists/" + unique("latin") + "?format=custom_csv")
                .then().statusCode(400).body("errors[0].pointer", equalTo("line 3"))
                .body("errors[0].message", containsString("0xE9 is not valid UTF-8"));
        byte[] nul = "name,aliases,country,address,reason\nAc\u0000me,,AE,,x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().contentType("text/csv").body(nul).post("/api/v1/lists/" + unique("nul") + "?format=custom_csv")
                .then().statusCode(400).body("errors[0].pointer", equalTo("line 2"))
                .body("errors[0].message", containsString("NUL byte"));
    }

    @Test
    void shouldRefuseAListSentAsPlainText() {
        // text/plain is what a web page may send to another site without a preflight.
        given().contentType("text/plain").body(customList("Plainly Sent Ltd")).post("/api/v1/lists/" + unique("plain") + "?format=custom_csv")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void shouldRejectAMalformedUploadWithTheLineAsAProblem() {
        given().contentType("text/csv").body("name,aliases,country,address,reason\nX Corp,,Atlantis,,x\n")
                .post("/api/v1/lists/" + unique("http") + "?format=CUSTOM_CSV")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://clearance.dev/problems/invalid-list-file"))
                .body("detail", containsString("previous version stays active"))
                .body("errors[0].pointer", equalTo("line 2"))
                .body("errors[0].message", containsString("Atlantis"));
    }

    @Test
    void shouldRejectOfacFileSetsAndUnknownFormatsOverHttp() {
        given().contentType("text/csv").body("x").post("/api/v1/lists/ofac?format=OFAC_SDN_CSV")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://clearance.dev/problems/invalid-list-request"))
                .body("detail", containsString("clearance lists import"));
        given().contentType("text/csv").body("x").post("/api/v1/lists/x?format=PDF")
                .then().statusCode(400).body("detail", containsString("unknown format"));
        given().contentType("text/csv").body("x").post("/api/v1/lists/x")
                .then().statusCode(400).body("detail", containsString("'format' is required"));
    }

    @Test
    void shouldSearchWithScoresAndExplanations() throws IOException {
        imports.importFile("ofac-sdn-test", ListFormat.OFAC_SDN_CSV, Path.of(OFAC_SAMPLE), org.clearance.security.Actor.cliOperator());
        given().queryParam("name", "Iran Aircraft Manufacturing Industrial Co").queryParam("country", "ir")
                .get("/api/v1/parties/search")
                .then().statusCode(200).body("country", equalTo("IR"))
                .body("indexed_entries", greaterThan(0))
                .body("matches[0].list", equalTo("US-OFAC-SDN"))
                .body("matches[0].source_id", equalTo("11195"))
                .body("matches[0].score", greaterThan(0.9f))
                .body("matches[0].explanation", hasItem("iran ~ iran (exact)"))
                .body("matches[0].list_version", containsString("@"));
    }

    @Test
    void shouldAnswerAProblemForInvalidSearchParameters() {
        given().queryParam("country", "Iran").queryParam("limit", 0).get("/api/v1/parties/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", equalTo(List.of("name", "country", "limit")));
    }

    @Test
    void shouldBlockAnOrderWhoseBuyerIsOnAnImportedSdnListAndNameTheList() throws IOException {
        imports.importFile("ofac-sdn-test", ListFormat.OFAC_SDN_CSV, Path.of(OFAC_SAMPLE), org.clearance.security.Actor.cliOperator());
        ScreeningView view = screen("IRAN AIRCRAFT MANUFACTURING INDUSTRIAL COMPANY", "IR");

        assertThat(view.decision()).isEqualTo(Decision.BLOCK);
        assertThat(view.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("US-LIST-SDN-01");
            assertThat(f.message()).contains("OFAC Specially Designated Nationals List", "US-OFAC-SDN entry 11195",
                    "list version ", "@317f9856abf5"); // the sample file's hash (other tests import it under other sources)
        });
    }

    @Test
    void shouldSuppressADismissedPairUntilTheEntryChanges() throws IOException {
        String source = unique("dismiss");
        String entryName = "Zorvanyx Photonics";
        imports.importFile(source, ListFormat.CUSTOM_CSV, write(customList(entryName)), org.clearance.security.Actor.cliOperator());
        String list = source.toUpperCase(Locale.ROOT);
        assertThat(matchesOn(list, entryName)).hasSize(1);
        String sourceId = matchesOn(list, entryName).get(0).sourceId();

        given().contentType("application/json").body("""
                {"party_name": "%s", "party_country": "CH", "list": "%s", "source_id": "%s",
                 "reason": "Different company: Swiss optics maker, registry CHE-000.000.000"}
                """.formatted(entryName, list, sourceId))
                .post("/api/v1/parties/dismissals")
                .then().statusCode(201).body("entry_name", equalTo(entryName)).body("reviewer", equalTo("officer.ann"));
        assertThat(matchesOn(list, entryName)).isEmpty();

        // The publisher changes the entry (new address): its content hash changes and the pair is screened again.
        imports.importFile(source, ListFormat.CUSTOM_CSV, write("name,aliases,country,address,reason\n"
                + entryName + ",,AE,New address,test entry\n"), org.clearance.security.Actor.cliOperator());
        assertThat(matchesOn(list, entryName)).hasSize(1);
    }

    @Test
    void shouldRefuseAReviewerNamedInTheBodyAndRecordTheCaller() throws IOException {
        String source = unique("claim");
        String entryName = "Brastovic Optronics";
        imports.importFile(source, ListFormat.CUSTOM_CSV, write(customList(entryName)));
        String list = source.toUpperCase(Locale.ROOT);
        String sourceId = matchesOn(list, entryName).get(0).sourceId();

        given().contentType("application/json").body("""
                {"party_name": "%s", "list": "%s", "source_id": "%s", "reason": "r", "reviewer": "chief.compliance"}
                """.formatted(entryName, list, sourceId))
                .post("/api/v1/parties/dismissals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", equalTo(List.of("/reviewer")))
                .body("errors[0].message", containsString("authenticated caller"));
        assertThat(matchesOn(list, entryName)).hasSize(1); // nothing was dismissed
    }

    @Test
    void shouldListRevokeAndKeepADismissalWithWhoRevokedItAndWhy() throws IOException {
        String source = unique("revoke");
        String entryName = "Tarkhanova Precision";
        imports.importFile(source, ListFormat.CUSTOM_CSV, write(customList(entryName)));
        String list = source.toUpperCase(Locale.ROOT);
        String sourceId = matchesOn(list, entryName).get(0).sourceId();
        String expires = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString();

        String location = given().contentType("application/json").body("""
                {"party_name": "%s", "party_country": "CH", "list": "%s", "source_id": "%s", "reason": "Other firm",
                 "expires_on": "%s"}
                """.formatted(entryName, list, sourceId, expires))
                .post("/api/v1/parties/dismissals")
                .then().statusCode(201).body("expires_on", equalTo(expires)).body("status", equalTo("active"))
                .extract().header("Location");
        assertThat(location).startsWith("/api/v1/parties/dismissals/"); // relative: never built from the Host header
        assertThat(matchesOn(list, entryName)).isEmpty();

        given().queryParam("list", list).get("/api/v1/parties/dismissals")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].party_name", equalTo(entryName));
        given().queryParam("party", entryName.toUpperCase(Locale.ROOT)).queryParam("list", list).get("/api/v1/parties/dismissals")
                .then().statusCode(200).body("size()", equalTo(1));
        given().queryParam("party", "Someone Else").queryParam("list", list).get("/api/v1/parties/dismissals")
                .then().statusCode(200).body("size()", equalTo(0));

        given().contentType("application/json").body("{}").delete(location)
                .then().statusCode(400).body("errors[0].pointer", equalTo("/reason"));
        given().contentType("application/json").body("{\"reason\": \"New ownership: now the listed firm's subsidiary\"}")
                .delete(location)
                .then().statusCode(200).body("status", equalTo("revoked")).body("revoked_by", equalTo("officer.ann"))
                .body("revoke_reason", equalTo("New ownership: now the listed firm's subsidiary"));
        assertThat(matchesOn(list, entryName)).hasSize(1); // matched again at once

        // History stays: the row is still there, revoked, and cannot be revoked twice.
        given().get(location).then().statusCode(200).body("status", equalTo("revoked")).body("reviewer", equalTo("officer.ann"));
        given().contentType("application/json").body("{\"reason\": \"again\"}").delete(location)
                .then().statusCode(409).contentType("application/problem+json");
        given().get("/api/v1/parties/dismissals/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void shouldStopApplyingADismissalAfterItsExpiryDate() throws IOException {
        String source = unique("expired");
        String entryName = "Velmorast Instruments";
        imports.importFile(source, ListFormat.CUSTOM_CSV, write(customList(entryName)));
        String list = source.toUpperCase(Locale.ROOT);
        PartyMatch match = matchesOn(list, entryName).get(0);
        ListedEntry listed = index.entry(list, match.sourceId()).orElseThrow();
        given().contentType("application/json").body("""
                {"party_name": "%s", "list": "%s", "source_id": "%s", "reason": "r", "expires_on": "2020-01-01"}
                """.formatted(entryName, list, match.sourceId()))
                .post("/api/v1/parties/dismissals")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/expires_on"));

        // A dismissal that ended yesterday (written as another process would) no longer suppresses the match.
        PartyDismissal dismissal = new PartyDismissal();
        dismissal.id = UUID.randomUUID();
        dismissal.partyName = entryName;
        dismissal.partyCountry = "CH";
        dismissal.partyKey = PartyKey.of(entryName, "CH");
        dismissal.listCode = list;
        dismissal.sourceId = match.sourceId();
        dismissal.entryHash = listed.contentHash();
        dismissal.reason = "Reviewed for one year";
        dismissal.reviewer = "officer.ann";
        dismissal.expiresOn = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
        dismissal.createdAt = java.time.Instant.now();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(dismissal::persist);

        assertThat(matchesOn(list, entryName)).hasSize(1);
        given().get("/api/v1/parties/dismissals/" + dismissal.id).then().statusCode(200).body("status", equalTo("expired"));
    }

    @Test
    void shouldHonourADismissalRecordedByAnotherProcess() throws IOException {
        String source = unique("elsewhere");
        String entryName = "Quellmar Spektraltechnik";
        imports.importFile(source, ListFormat.CUSTOM_CSV, write(customList(entryName)), org.clearance.security.Actor.cliOperator());
        String list = source.toUpperCase(Locale.ROOT);
        PartyMatch match = matchesOn(list, entryName).get(0);
        ListedEntry listed = index.entry(list, match.sourceId()).orElseThrow();

        // Another process (a second server, say) writes the dismissal straight to the shared database.
        PartyDismissal dismissal = new PartyDismissal();
        dismissal.id = UUID.randomUUID();
        dismissal.partyName = entryName;
        dismissal.partyCountry = "CH";
        dismissal.partyKey = PartyKey.of(entryName, "CH");
        dismissal.listCode = list;
        dismissal.sourceId = match.sourceId();
        dismissal.entryHash = listed.contentHash();
        dismissal.reason = "Reviewed elsewhere";
        dismissal.reviewer = "b.reviewer";
        dismissal.createdAt = java.time.Instant.now();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(dismissal::persist);

        assertThat(matchesOn(list, entryName)).isEmpty();
    }

    @Test
    void shouldAnswerProblemsForIncompleteOrUnknownDismissals() {
        given().contentType("application/json").body("{\"party_name\": \"X\"}").post("/api/v1/parties/dismissals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", equalTo(List.of("/list", "/source_id", "/reason")));
        given().contentType("application/json").body("""
                {"party_name": "X", "list": "US-OFAC-SDN", "source_id": "no-such-id", "reason": "r"}
                """).post("/api/v1/parties/dismissals")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://clearance.dev/problems/list-entry-not-found"));
    }

    @Test
    void shouldExposeTheListAgeGauge() throws IOException {
        imports.importFile("ofac-sdn-test", ListFormat.OFAC_SDN_CSV, Path.of(OFAC_SAMPLE), org.clearance.security.Actor.cliOperator());
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("clearance_list_age_seconds{source=\"ofac-sdn-test\"}"));
    }

    private List<PartyMatch> matchesOn(String list, String buyerName) {
        String json = order(buyerName, "CH");
        var order = org.clearance.order.OrderParser.parse(OrderInput.split("t", json).documents().get(0), null,
                java.time.LocalDate.now()).order();
        return index.finder().matches(order).stream()
                .filter(m -> m.list().equals(list) && m.role() == org.clearance.facts.PartyRole.BUYER).toList();
    }

    private ScreeningView screen(String buyer, String country) {
        return screenings.screenAndStore(OrderInput.split("test", order(buyer, country)).documents(), null, org.clearance.security.Actor.cliOperator()).get(0).view();
    }

    private static String order(String buyer, String country) {
        return """
                {"id": "LIST-TEST-1", "date": "2025-05-20",
                 "seller": {"name": "Elbtal Mikrosysteme GmbH", "country": "DE", "type": "distributor"},
                 "buyer": {"name": "%s", "country": "%s", "type": "distributor"},
                 "route": ["DE", "%s"],
                 "lines": [{"description": "Wooden office desks", "hs_code": "9403.30.11", "quantity": 4, "unit": "pcs"}]}
                """.formatted(buyer, country, country);
    }

    private static Path write(String content) throws IOException {
        Path file = java.nio.file.Files.createTempFile("list", ".csv");
        java.nio.file.Files.writeString(file, content);
        return file;
    }
}
