package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearance.testing.OwnDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clearance licences import|show} through the command line: every documented exit code, on a database of its own. */
@QuarkusTest
@Tag("cli")
@TestProfile(OwnDatabase.class)
class LicencesCliTest {

    @Inject
    Cli cli;

    private static final String HEADER = "jurisdiction,type,reference,holder_name,holder_country,items,destinations,"
            + "consignees,end_users,quantity,quantity_unit,value,value_currency,valid_from,valid_until,conditions\n";

    @TempDir
    Path dir;

    @Test
    void shouldRegisterTheExampleFilesShowThemAndRefuseThemASecondTime() {
        CliRun csv = cli.launch("licences", "import", "examples/licences/licences.csv");
        assertThat(csv.exitCode()).as(csv.errors()).isEqualTo(ExitCodes.OK);
        assertThat(csv.output()).contains("registered 2 licence(s): US D1000001, EU DE-AG-2024-0042");
        CliRun json = cli.launch("licences", "import", "examples/licences/licences.json");
        assertThat(json.exitCode()).as(json.errors()).isEqualTo(ExitCodes.OK);

        CliRun show = cli.launch("licences", "show");
        assertThat(show.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(show.output()).containsPattern("US\\s+D1000001\\s+Cascade Storage Inc\\.\\s+2026-12-31\\s+5000 of 5000 pcs\\s+60000 of 60000 USD")
                .containsPattern("JP\\s+METI-2025-0117\\s+.*200 of 200 pcs\\s+unlimited");

        CliRun again = cli.launch("licences", "import", "examples/licences/licences.csv");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(again.errors()).contains("Licence US D1000001 is already registered; nothing was stored");
    }

    @Test
    void shouldExitTwoNamingFileLineAndColumnOfEveryProblemAndRegisterNothing() throws IOException {
        Path bad = Files.writeString(dir.resolve("licences.csv"), HEADER
                + "US,licence,CLI-GOOD-1,Acme Inc.,US,eccn:3A001,RU,,,10,pcs,,,2025-01-01,2026-01-01,\n"
                + "US,licence,CLI-BAD-1,Acme Inc.,XX,widget,RU,Somebody,,-5,pcs,,,2025-01-01,2024-01-01,\n");

        CliRun result = cli.launch("licences", "import", bad.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.errors()).contains(bad + ":3: holder_country: unknown country code 'XX'")
                .contains(bad + ":3: items: item 'widget' must be eccn:")
                .contains(bad + ":3: consignees: \"Somebody\" must be written Name (CC)")
                .contains(bad + ":3: quantity: must not be negative")
                .contains(bad + ":3: valid_until: is before valid_from")
                .contains("nothing was registered");
        assertThat(cli.launch("licences", "show").output()).doesNotContain("CLI-GOOD-1");
    }

    @Test
    void shouldExitTwoOnAGarbledCsvOrJsonFile() throws IOException {
        Path garbled = Files.writeString(dir.resolve("garbled.csv"), HEADER + "US,licence,\"CLI-Q-1,Acme Inc.,US\n");
        CliRun csv = cli.launch("licences", "import", garbled.toString());
        assertThat(csv.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(csv.errors()).contains(garbled + ":2: unterminated quoted field");

        Path json = Files.writeString(dir.resolve("licences.json"), "[{\"jurisdiction\": \"US\",}]");
        CliRun broken = cli.launch("licences", "import", json.toString());
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(broken.errors()).contains("malformed JSON");

        CliRun missing = cli.launch("licences", "import", dir.resolve("none.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(missing.errors()).contains("no such file");
    }
}
