package org.clearance.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearance.security.Roles;
import org.clearance.testing.ListsDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exact identifier (IMO, SWIFT/BIC, INN…) matches a list entry whatever the name, from a custom list's identifiers
 * column and from the identifiers a publisher's file carries; malformed identifiers are refused naming the field.
 * Through the real CLI, HTTP API, rule pack and database.
 */
@QuarkusTest
@Tag("cli")
@TestProfile(ListsDatabase.class)
class IdentifierMatchCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Cli cli;

    @TempDir
    Path dir;

    @Test
    void shouldMatchACustomListEntryByItsImoNumberWhateverTheName() throws IOException {
        Path fleet = Files.writeString(dir.resolve("fleet.csv"), """
                name,aliases,country,address,reason,identifiers
                Kestrel Varga Shipping,,PA,,fictional tanker operator,IMO:9187629; LEI:5493001KJTIIGC8Y1R12
                """);
        CliRun imported = cli.launch("lists", "import", fleet.toString(), "--source", "fleetwatch", "--format", "CUSTOM_CSV");
        assertThat(imported.exitCode()).as(imported.errors()).isEqualTo(ExitCodes.OK);

        JsonNode screening = screen(order("Blue Horizon Maritime", "[{\"type\": \"imo\", \"value\": \"IMO 918 7629\"}]"),
                ExitCodes.OK);

        assertThat(screening.at("/decision").asText()).isEqualTo("REVIEW");
        JsonNode finding = finding(screening, "US-LIST-UNMAPPED-01");
        assertThat(finding.at("/message").asText()).contains("FLEETWATCH entry", "\"Kestrel Varga Shipping\"",
                "matched by identifier IMO 9187629, whatever the name");
        assertThat(finding.at("/subject/pointer").asText()).isEqualTo("/buyer");

        JsonNode otherShip = screen(order("Blue Horizon Maritime", "[{\"type\": \"IMO\", \"value\": \"9074729\"}]"),
                ExitCodes.OK);
        assertThat(otherShip.at("/decision").asText()).as("a different IMO number, a different name").isEqualTo("CLEAR");
    }

    @Test
    void shouldBlockAPartyWhoseInnIsAnSdnEntrysWhateverTheName() {
        CliRun imported = cli.launch("lists", "import", "src/test/resources/lists/ofac/sdn", "--source", "ofac-ids");
        assertThat(imported.exitCode()).as(imported.errors()).isEqualTo(ExitCodes.OK);

        // OFAC files the number as "Tax ID No. 9709063550 (Russia)"; an INN is Russian, so the countries agree.
        JsonNode screening = screen(order("Regional Communications Partner",
                "[{\"type\": \"INN\", \"value\": \"970 906 3550\"}]"), ExitCodes.FINDINGS);

        assertThat(screening.at("/decision").asText()).isEqualTo("BLOCK");
        assertThat(finding(screening, "US-LIST-SDN-01").at("/message").asText())
                .contains("US-OFAC-SDN entry 50544", "matched by identifier TAX_ID 9709063550");
    }

    @Test
    void shouldMatchABranchBicOfAnInstitutionOnOfacsNonSdnList() {
        CliRun imported = cli.launch("lists", "import", "src/test/resources/lists/ofac/consolidated", "--source", "ofac-cons");
        assertThat(imported.exitCode()).as(imported.errors()).isEqualTo(ExitCodes.OK);

        // The list gives the 8-character BIC of the institution; the order a branch code of it.
        JsonNode screening = screen(order("Northern Farmers Credit House",
                "[{\"type\": \"SWIFT_BIC\", \"value\": \"ruag rumm 123\"}]"), ExitCodes.OK);

        assertThat(screening.at("/decision").asText()).isEqualTo("REVIEW");
        assertThat(finding(screening, "US-LIST-UNMAPPED-01").at("/message").asText())
                .contains("US-OFAC-NONSDN entry 17014", "matched by identifier SWIFT_BIC RUAGRUMM");
    }

    @Test
    void shouldExitTwoNamingTheFieldOfAMalformedOrUnknownIdentifier() throws IOException {
        Path order = Files.writeString(dir.resolve("bad.json"), order("Blue Horizon Maritime",
                "[{\"type\": \"IMO\", \"value\": \"12345\"}, {\"type\": \"PASSPORT\", \"value\": \"P1\"}]"));

        CliRun result = cli.launch("screen", order.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.errors()).contains(order + ":/buyer/identifiers/0/value: '12345' is not an IMO number")
                .contains(order + ":/buyer/identifiers/1/type: unknown identifier type 'PASSPORT'; expected one of IMO, LEI, "
                        + "SWIFT_BIC, VAT, INN, OGRN, TAX_ID, REGISTRATION")
                .doesNotContain("Exception");
    }

    @Test
    void shouldRefuseACustomListWithAMalformedIdentifierImportingNothing() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), """
                name,aliases,country,address,reason,identifiers
                Corvin Alder Trading,,LV,,fictional,INN:7704730655
                Dalmatic Rook Freight,,LV,,fictional,IMO:918762
                """);

        CliRun result = cli.launch("lists", "import", bad.toString(), "--source", "badids", "--format", "CUSTOM_CSV");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.errors()).contains(bad + ": line 3: identifier 'IMO:918762': 918762 is not an IMO number")
                .contains("nothing was imported");
        assertThat(cli.launch("lists", "show").output()).doesNotContain("badids");
    }

    @Test
    @TestSecurity(user = "screener", roles = {Roles.SCREENER})
    void shouldAnswer400WithThePointerOfAMalformedIdentifierOverHttp() {
        given().contentType("application/json").body(order("Blue Horizon Maritime",
                        "[{\"type\": \"LEI\", \"value\": \"5493001KJTIIGC8Y1R13\"}, {\"type\": \"IMO\"}]"))
                .when().post("/api/v1/screenings")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.pointer", hasItem("/buyer/identifiers/0/value"))
                .body("errors.pointer", hasItem("/buyer/identifiers/1/value"))
                .body("errors.find { it.pointer == '/buyer/identifiers/0/value' }.message",
                        equalTo("'5493001KJTIIGC8Y1R13' is not an LEI (ISO 17442): 20 letters and digits with valid check digits"));
    }

    private JsonNode screen(String order, int exitCode) {
        try {
            Path file = Files.writeString(Files.createTempFile(dir, "order", ".json"), order);
            CliRun run = cli.launch("screen", "--format", "json", file.toString());
            assertThat(run.exitCode()).as(run.errors() + run.output()).isEqualTo(exitCode);
            String output = run.output();
            return JSON.readTree(output.substring(output.indexOf('{'))).at("/results/0");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode finding(JsonNode screening, String ruleId) {
        for (JsonNode f : screening.at("/findings")) {
            if (f.at("/rule_id").asText().equals(ruleId)) {
                return f;
            }
        }
        throw new AssertionError(ruleId + " did not fire: " + screening);
    }

    private static String order(String buyer, String identifiers) {
        return """
                { "id": "ID-1", "date": "2025-05-20",
                  "seller": { "name": "Elbtal Mikrosysteme GmbH", "country": "DE", "type": "distributor" },
                  "buyer": { "name": "%s", "country": "AE", "type": "distributor", "identifiers": %s },
                  "lines": [ { "description": "Wooden office desks", "hs_code": "9403.30.11", "quantity": 4, "unit": "pcs",
                               "value": 1000, "currency": "EUR", "origin_country": "DE" } ] }
                """.formatted(buyer, identifiers);
    }
}
