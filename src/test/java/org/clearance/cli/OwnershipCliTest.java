package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearance.testing.ListsDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ownership file imported through the real CLI makes a party whose own name matches no list entry blocked through
 * its chain of owners (OFAC's 50 % rule), and a malformed file is refused with exit 2, naming file, line and problem,
 * with nothing imported. The database, rule pack and lists are the real ones.
 */
@QuarkusTest
@Tag("cli")
@TestProfile(ListsDatabase.class)
class OwnershipCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Fictional SDN entries: a person and a holding company. */
    private static final String SDN_LIST = """
            name,aliases,country,address,reason
            Ivo Varrenko,,RU,,fictional blocked person
            Tolmach Holdings Ltd,,RU,,fictional blocked company
            """;

    /**
     * Saffron Dune Trading FZE: 35 % Ivo Varrenko (SDN); 50 % Qasr Harbour Invest Ltd, which Tolmach Holdings Ltd
     * (SDN) owns 50 % of and is therefore blocked itself; 15 % someone unlisted.
     */
    private static final String OWNERSHIP = """
            entity,owner,share,source
            Saffron Dune Trading FZE,Ivo Varrenko,35,DMCC register extract 2026-11-02
            Saffron Dune Trading FZE,Qasr Harbour Invest Ltd,50,DMCC register extract 2026-11-02
            Saffron Dune Trading FZE,Marlow Keane Partners,15,DMCC register extract 2026-11-02
            Qasr Harbour Invest Ltd,Tolmach Holdings Ltd,50,customer declaration 2026-10-15
            Qasr Harbour Invest Ltd,Halden Crest Capital,50,customer declaration 2026-10-15
            """;

    @Inject
    Cli cli;

    @TempDir
    Path dir;

    @Test
    void shouldBlockABuyerOwnedThroughAChainOfSdnOwnedEntitiesFromTheImportedOwnershipFile() throws IOException {
        importSdnList();
        CliRun imported = cli.launch("lists", "import-ownership", write("ownership.csv", OWNERSHIP).toString());
        assertThat(imported.exitCode()).as(imported.errors()).isEqualTo(ExitCodes.OK);
        assertThat(imported.output()).contains("ownership: ", "5 rows for 2 entities");

        JsonNode screening = screen("Saffron Dune Trading FZE", ExitCodes.FINDINGS);

        assertThat(screening.at("/decision").asText()).isEqualTo("BLOCK");
        JsonNode finding = finding(screening, "US-OWN-01");
        assertThat(finding.at("/subject/pointer").asText()).isEqualTo("/buyer");
        assertThat(finding.at("/citation").asText()).contains("Revised Guidance on Entity Property");
        assertThat(finding.at("/message").asText()).contains(
                "is owned 85 % in aggregate by listed persons (US-OFAC-SDN)",
                "Ivo Varrenko (US-OFAC-SDN ", "35 % direct (DMCC register extract 2026-11-02)",
                "Qasr Harbour Invest Ltd 50 % (DMCC register extract 2026-11-02), itself owned 50 % by listed persons "
                        + "[Tolmach Holdings Ltd (US-OFAC-SDN ",
                "50 % direct (customer declaration 2026-10-15)]");
        assertThat(screen("Marlow Keane Partners", ExitCodes.OK).at("/decision").asText())
                .as("an owner that is not listed and owns nothing listed").isEqualTo("CLEAR");
    }

    @Test
    void shouldRefuseAMalformedOwnershipFileWithExitTwoImportingNothing() throws IOException {
        Path good = write("good.csv", OWNERSHIP);
        assertThat(cli.launch("lists", "import-ownership", good.toString()).exitCode()).isEqualTo(ExitCodes.OK);
        String longName = "x".repeat(1024 * 1024);
        String[][] bad = {
                {"no-header.csv", "Saffron Dune Trading FZE,Ivo Varrenko,35,register\n", "line 1: missing column 'entity'"},
                {"no-source.csv", "entity,owner,share\nA Ltd,B Ltd,20\n", "line 1: missing column 'source'"},
                {"not-a-number.csv", "entity,owner,share,source\nA Ltd,B Ltd,twenty,register\n",
                        "line 2: share 'twenty' is not a number"},
                {"out-of-range.csv", "entity,owner,share,source\nA Ltd,B Ltd,20,register\nA Ltd,C Ltd,100.5,register\n",
                        "line 3: share 100.5 is outside 0 to 100"},
                {"empty-owner.csv", "entity,owner,share,source\nA Ltd,,20,register\n", "line 2: owner is empty"},
                {"duplicate.csv", "entity,owner,share,source\nA Ltd,B Ltd,20,register\nA Ltd,b  ltd,20,register\n",
                        "line 3: duplicate row: line 2 already gives 'b  ltd' as an owner of 'A Ltd'"},
                {"long-field.csv", "entity,owner,share,source\n" + longName + ",B Ltd,20,register\n",
                        "line 2: entity is 1048576 characters long; at most 1000 are allowed"},
                {"wrong-columns.csv", "entity,owner,share,source\nA Ltd,B Ltd,20\n", "line 2: expected 4 columns, found 3"},
        };
        for (String[] c : bad) {
            Path file = write(c[0], c[1]);
            CliRun run = cli.launch("lists", "import-ownership", file.toString());
            assertThat(run.exitCode()).as(c[0] + ": " + run.errors()).isEqualTo(ExitCodes.INPUT);
            assertThat(run.errors()).as(c[0]).contains(file + ": " + c[2] + " (nothing was imported)")
                    .doesNotContain("Exception");
        }
        Path garbled = Files.write(dir.resolve("garbled.csv"), new byte[] {'e', 'n', 't', 'i', 't', 'y', ',', (byte) 0xC3,
                (byte) 0x28, '\n', 0, 1, 2});
        CliRun run = cli.launch("lists", "import-ownership", garbled.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.errors()).contains(garbled + ": line 1: ", "(nothing was imported)");
        assertThat(cli.launch("lists", "import-ownership", dir.resolve("missing.csv").toString()).exitCode())
                .isEqualTo(ExitCodes.INPUT);

        assertThat(cli.launch("lists", "import-ownership", good.toString()).output())
                .as("every refused file left the ownership data as it was")
                .contains("unchanged, identical to the active file");
    }

    private void importSdnList() throws IOException {
        // A custom list's code is its source name in upper case: US-OFAC-SDN is mapped to the SDN category.
        CliRun run = cli.launch("lists", "import", write("sdn.csv", SDN_LIST).toString(), "--source", "us-ofac-sdn",
                "--format", "CUSTOM_CSV");
        assertThat(run.exitCode()).as(run.errors()).isEqualTo(ExitCodes.OK);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private JsonNode screen(String buyer, int exitCode) throws IOException {
        Path file = write("order-" + buyer.hashCode() + ".json", """
                { "id": "OWN-1", "date": "2025-05-20",
                  "seller": { "name": "Elbtal Mikrosysteme GmbH", "country": "DE", "type": "distributor" },
                  "buyer": { "name": "%s", "country": "AE", "type": "distributor" },
                  "lines": [ { "description": "Wooden office desks", "hs_code": "9403.30.11", "quantity": 4, "unit": "pcs",
                               "value": 1000, "currency": "EUR", "origin_country": "DE" } ] }
                """.formatted(buyer));
        CliRun run = cli.launch("screen", "--format", "json", file.toString());
        assertThat(run.exitCode()).as(run.errors() + run.output()).isEqualTo(exitCode);
        String output = run.output();
        return JSON.readTree(output.substring(output.indexOf('{'))).at("/results/0");
    }

    private static JsonNode finding(JsonNode screening, String ruleId) {
        for (JsonNode f : screening.at("/findings")) {
            if (f.at("/rule_id").asText().equals(ruleId)) {
                return f;
            }
        }
        throw new AssertionError(ruleId + " did not fire: " + screening);
    }
}
