package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearance.testing.OwnDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clearance licences import|show} as the jar's main: every documented exit code, on a database of its own. */
@QuarkusMainTest
@Tag("cli")
@TestProfile(LicencesCliTest.LicencesDatabase.class)
class LicencesCliTest {

    public static class LicencesDatabase extends OwnDatabase {
    }

    private static final String HEADER = "jurisdiction,type,reference,holder_name,holder_country,items,destinations,"
            + "consignees,end_users,quantity,quantity_unit,value,value_currency,valid_from,valid_until,conditions\n";

    @TempDir
    Path dir;

    @Test
    void shouldRegisterTheExampleFilesShowThemAndRefuseThemASecondTime(QuarkusMainLauncher launcher) {
        LaunchResult csv = launcher.launch("licences", "import", "examples/licences/licences.csv");
        assertThat(csv.exitCode()).as(csv.getErrorOutput()).isEqualTo(ExitCodes.OK);
        assertThat(csv.getOutput()).contains("registered 2 licence(s): US D1000001, EU DE-AG-2024-0042");
        LaunchResult json = launcher.launch("licences", "import", "examples/licences/licences.json");
        assertThat(json.exitCode()).as(json.getErrorOutput()).isEqualTo(ExitCodes.OK);

        LaunchResult show = launcher.launch("licences", "show");
        assertThat(show.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(show.getOutput()).containsPattern("US\\s+D1000001\\s+Cascade Storage Inc\\.\\s+2026-12-31\\s+5000 of 5000 pcs\\s+60000 of 60000 USD")
                .containsPattern("JP\\s+METI-2025-0117\\s+.*200 of 200 pcs\\s+unlimited");

        LaunchResult again = launcher.launch("licences", "import", "examples/licences/licences.csv");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(again.getErrorOutput()).contains("Licence US D1000001 is already registered; nothing was stored");
    }

    @Test
    void shouldExitTwoNamingFileLineAndColumnOfEveryProblemAndRegisterNothing(QuarkusMainLauncher launcher) throws IOException {
        Path bad = Files.writeString(dir.resolve("licences.csv"), HEADER
                + "US,licence,CLI-GOOD-1,Acme Inc.,US,eccn:3A001,RU,,,10,pcs,,,2025-01-01,2026-01-01,\n"
                + "US,licence,CLI-BAD-1,Acme Inc.,XX,widget,RU,Somebody,,-5,pcs,,,2025-01-01,2024-01-01,\n");

        LaunchResult result = launcher.launch("licences", "import", bad.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.getErrorOutput()).contains(bad + ":3: holder_country: unknown country code 'XX'")
                .contains(bad + ":3: items: item 'widget' must be eccn:")
                .contains(bad + ":3: consignees: \"Somebody\" must be written Name (CC)")
                .contains(bad + ":3: quantity: must not be negative")
                .contains(bad + ":3: valid_until: is before valid_from")
                .contains("nothing was registered");
        assertThat(launcher.launch("licences", "show").getOutput()).doesNotContain("CLI-GOOD-1");
    }

    @Test
    void shouldExitTwoOnAGarbledCsvOrJsonFile(QuarkusMainLauncher launcher) throws IOException {
        Path garbled = Files.writeString(dir.resolve("garbled.csv"), HEADER + "US,licence,\"CLI-Q-1,Acme Inc.,US\n");
        LaunchResult csv = launcher.launch("licences", "import", garbled.toString());
        assertThat(csv.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(csv.getErrorOutput()).contains(garbled + ":2: unterminated quoted field");

        Path json = Files.writeString(dir.resolve("licences.json"), "[{\"jurisdiction\": \"US\",}]");
        LaunchResult broken = launcher.launch("licences", "import", json.toString());
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(broken.getErrorOutput()).contains("malformed JSON");

        LaunchResult missing = launcher.launch("licences", "import", dir.resolve("none.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(missing.getErrorOutput()).contains("no such file");
    }
}
