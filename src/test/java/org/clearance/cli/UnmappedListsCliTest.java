package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clearance.testing.ListsDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No list is silently ignored: a custom list under any name, and a program of a publisher's file that the rule pack's
 * data/common/list-sources.csv does not map, are imported with a warning, marked by {@code lists show}, and their
 * matches are REVIEW in every regime - through the real CLI, rule pack and database.
 */
@QuarkusTest
@Tag("cli")
@TestProfile(ListsDatabase.class)
class UnmappedListsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REVIEWED_EVERYWHERE = "REVIEW in US, EU, UK, JP";

    @Inject
    Cli cli;

    @TempDir
    Path dir;

    @Test
    void shouldReviewAPartyOnACustomListWhateverTheListIsCalled() throws IOException {
        Path watchList = Files.writeString(dir.resolve("watchlist.csv"), """
                name,aliases,country,address,reason
                Orvandel Quist Maschinenbau,,AT,,sales hold: unpaid invoices
                Pellucid Harrowgate Trading,,GB,,fictional
                Zephyrine Koval Optics,,PL,,fictional
                """);

        // Unique per run: a PostgreSQL database outlives the run.
        String source = "mywatch-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String listCode = source.toUpperCase(java.util.Locale.ROOT);
        CliRun imported = cli.launch("lists", "import", watchList.toString(), "--source", source, "--format", "CUSTOM_CSV");

        assertThat(imported.exitCode()).as(imported.errors()).isEqualTo(ExitCodes.OK);
        assertThat(imported.output()).contains(source + ": imported 3 entries");
        assertThat(imported.errors()).contains("warning: " + source + ": list code " + listCode
                + " (not in data/common/list-sources.csv: a match is " + REVIEWED_EVERYWHERE + ")");

        JsonNode screening = screen(order("Orvandel Quist Maschinenbau", "AT"));
        assertThat(screening.at("/decision").asText()).isEqualTo("REVIEW");
        assertThat(ruleIds(screening)).contains("US-LIST-UNMAPPED-01", "EU-LIST-UNMAPPED-01", "UK-LIST-UNMAPPED-01",
                "JP-LIST-UNMAPPED-01");
        assertThat(finding(screening, "EU-LIST-UNMAPPED-01").at("/message").asText())
                .contains("list " + listCode, "does not map to an official list", "If it is your own list");
        assertThat(finding(screening, "EU-LIST-UNMAPPED-01").at("/citation").asText())
                .contains("the list itself is the exporter's own or not mapped by this pack");

        JsonNode unrelated = screen(order("Aare Steuerungstechnik AG", "CH"));
        assertThat(ruleIds(unrelated)).noneMatch(id -> id.contains("UNMAPPED"));
    }

    @Test
    void shouldWarnAboutAndMarkAnUnmappedCslProgramAndStillMatchIt() {
        CliRun imported = cli.launch("lists", "import", "src/test/resources/lists/csl/consolidated.csv", "--source", "csl",
                "--format", "US_CSL_CSV");

        assertThat(imported.exitCode()).as(imported.errors()).isEqualTo(ExitCodes.OK);
        assertThat(imported.errors()).contains("warning: csl: list code US-STATE-ISN (not in data/common/list-sources.csv")
                .doesNotContain("list code US-OFAC-SDN").doesNotContain("list code US-BIS-EL ");

        CliRun show = cli.launch("lists", "show");
        assertThat(show.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(show.output()).contains("UNMAPPED").containsPattern("(?m)^csl\\s+US_CSL_CSV\\s.*\\*$")
                .contains("* list codes the rule pack does not map (data/common/list-sources.csv); a match is "
                        + REVIEWED_EVERYWHERE)
                .containsPattern("(?m)^  csl: US-STATE-ISN \\(1 entries\\)$");

        JsonNode screening = screen(order("Sinobright Import and Export Company", "CN"));
        assertThat(ruleIds(screening)).contains("US-LIST-UNMAPPED-01", "EU-LIST-UNMAPPED-01");
        assertThat(finding(screening, "US-LIST-UNMAPPED-01").at("/message").asText()).contains("list US-STATE-ISN");
    }

    private JsonNode screen(String order) {
        try {
            Path file = Files.writeString(Files.createTempFile(dir, "order", ".json"), order);
            CliRun run = cli.launch("screen", "--format", "json", file.toString());
            assertThat(run.exitCode()).as(run.errors()).isEqualTo(ExitCodes.OK);
            String output = run.output();
            return JSON.readTree(output.substring(output.indexOf('{'))).at("/results/0");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> ruleIds(JsonNode screening) {
        List<String> ids = new ArrayList<>();
        screening.at("/findings").forEach(f -> ids.add(f.at("/rule_id").asText()));
        return ids;
    }

    private static JsonNode finding(JsonNode screening, String ruleId) {
        for (JsonNode f : screening.at("/findings")) {
            if (f.at("/rule_id").asText().equals(ruleId)) {
                return f;
            }
        }
        throw new AssertionError(ruleId + " did not fire: " + screening);
    }

    static String order(String buyer, String country) {
        return """
                { "id": "GAP-1", "date": "2025-05-20",
                  "seller": { "name": "Elbtal Mikrosysteme GmbH", "country": "DE", "type": "distributor" },
                  "buyer": { "name": "%s", "country": "%s", "type": "distributor" },
                  "lines": [ { "description": "Wooden office desks", "hs_code": "9403.30.11", "quantity": 4, "unit": "pcs",
                               "value": 1000, "currency": "EUR", "origin_country": "DE" } ] }
                """.formatted(buyer, country);
    }
}
