package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.clearance.testing.ListsDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clearance lists import|show} through the command line: every documented exit code. On a database of its own: the
 * 6,000 entries of the long import would otherwise be indexed by every later test that screens a party.
 */
@QuarkusTest
@Tag("cli")
@TestProfile(ListsDatabase.class)
class ListsCliTest {

    @Inject
    Cli cli;

    private static final String OFAC_SAMPLE = "src/test/resources/lists/ofac/sdn";

    @TempDir
    Path dir;

    private static String uniqueSource() {
        return "cli-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldImportAnOfacFolderGuessingItsFormatThenReportItUnchanged() {
        String source = uniqueSource();
        CliRun first = cli.launch("lists", "import", OFAC_SAMPLE, "--source", source);
        assertThat(first.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(first.output()).contains(source + ": imported 17 entries (OFAC_SDN_CSV");

        CliRun again = cli.launch("lists", "import", OFAC_SAMPLE, "--source", source);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(again.output()).contains("unchanged, identical to the active version");

        CliRun show = cli.launch("lists", "show");
        assertThat(show.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(show.output()).contains("SOURCE", "ENTRIES", "AGE").containsPattern(source + "\\s+OFAC_SDN_CSV\\s+\\w{12}\\s+-\\s+\\S+\\s+17 ");
    }

    @Test
    void shouldExitTwoNamingFileAndLineWhenTheFileIsMalformed() throws IOException {
        Path bad = dir.resolve("watch.csv");
        Files.writeString(bad, "name,aliases,country,address,reason\nVelmira Optics,,FR,,x\n\"Broken,,FR,,x\n");
        CliRun result = cli.launch("lists", "import", bad.toString(), "--source", uniqueSource(),
                "--format", "custom_csv");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.errors()).contains(bad + ": line 3: ").contains("nothing was imported");
    }

    @Test
    void shouldExitTwoWhenTheFormatCannotBeGuessed() throws IOException {
        Path file = Files.writeString(dir.resolve("list.csv"), "name,aliases,country,address,reason\n");
        CliRun result = cli.launch("lists", "import", file.toString(), "--source", uniqueSource());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.errors()).contains("give --format");
    }

    @Test
    void shouldExitTwoWhenTheFileDoesNotExist() {
        CliRun result = cli.launch("lists", "import", "no/such/file.xml", "--source", uniqueSource());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.errors()).contains("no/such/file.xml: no such file or folder");
    }

    @Test
    void shouldExitTwoForAnInvalidSourceName() {
        CliRun result = cli.launch("lists", "import", OFAC_SAMPLE, "--source", "bad name/");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.errors()).contains("source name must be");
    }

    @Test
    void shouldKeepStderrFreeOfProgressWhenItIsNotATerminal() throws IOException {
        StringBuilder csv = new StringBuilder("name,aliases,country,address,reason\n");
        for (int i = 0; i < 6_000; i++) {
            csv.append("Testfirma Nummer ").append(i).append(" Optikwerk,,DE,,fictional test entry\n");
        }
        Path big = dir.resolve("watch.csv");
        Files.writeString(big, csv);

        CliRun result = cli.launch("lists", "import", big.toString(), "--source", uniqueSource(),
                "--format", "custom_csv");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        // A custom list's code is not mapped by the pack: the one line on stderr is the import's warning about it.
        assertThat(result.errors().lines()).as("clearance.cli.progress is off: nothing but what the command reports")
                .singleElement().asString().startsWith("warning: ").contains("not in data/common/list-sources.csv");
        assertThat(result.output()).contains("imported 6000 entries").doesNotContain("storing");
    }
}
