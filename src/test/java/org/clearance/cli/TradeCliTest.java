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
import org.clearance.testing.OwnDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clearance trade import|analyze} through the command line: outputs, the chart file and every documented exit code. */
@QuarkusTest
@Tag("cli")
@TestProfile(OwnDatabase.class)
class TradeCliTest {

    @Inject
    Cli cli;

    private static final String SYNTHETIC = "examples/trade/comtrade-chp-synthetic.csv";
    private static final String BAD = "src/test/resources/trade/bad-rows.csv";

    @TempDir
    Path dir;

    @Test
    void shouldImportThenAnalyzeRankingTurkeyFirstAndWriteTheChart() throws IOException {
        CliRun imported = cli.launch("trade", "import", SYNTHETIC);
        assertThat(imported.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(imported.output()).startsWith(SYNTHETIC + ": ")
                .contains("skipped 12 (flowCode RX) 12 (partner World (W00))");

        CliRun again = cli.launch("trade", "import", SYNTHETIC);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(again.output()).contains(": 0 rows added, 0 changed, 3696 unchanged");

        Path chart = dir.resolve("surge.svg");
        CliRun analyzed = cli.launch("trade", "analyze", "--baseline", "2015-2021", "--period",
                "2023-01..2023-09", "--chart", chart.toString());
        assertThat(analyzed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(analyzed.output()).contains("RANK  COUNTRY SCORE")
                .containsPattern("\\s+1\\s+TR\\s+100\\s+\\$158\\.0m\\s+\\$28\\.0m\\s+5\\.6x");
        assertThat(analyzed.output().indexOf(" CH ")).isGreaterThan(analyzed.output().indexOf(" KG "));
        assertThat(Files.readString(chart)).startsWith("<svg").contains("TR (1)").endsWith("</svg>\n");
    }

    @Test
    void shouldWriteTheAnalysisAsJsonWithTheFieldsOfTheApi() throws IOException {
        assertThat(cli.launch("trade", "import", SYNTHETIC).exitCode()).isEqualTo(ExitCodes.OK);
        CliRun result = cli.launch("trade", "analyze", "--format", "json", "--neighbours", "AZ,GE,KZ,KG,UZ");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(result.output());
        assertThat(json.get("period").asText()).isEqualTo("2023-01..2023-09");
        JsonNode first = json.get("countries").get(0);
        assertThat(first.get("country").asText()).isEqualTo("TR");
        assertThat(first.get("exports_usd").decimalValue()).isEqualByComparingTo("158000000");
        assertThat(first.get("g7_import_change").asDouble()).isGreaterThan(0.6);
    }

    @Test
    void shouldListEveryBadRowAsFileLineMessageAndImportNothing() {
        CliRun result = cli.launch("trade", "import", BAD);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.errors()).contains(BAD + ":3: period '202313' has no month 13")
                .contains(BAD + ":10: the same reporter, partner, cmdCode, period and flow as line 2")
                .contains(BAD + ": 7 bad row(s); nothing was imported")
                .doesNotContain("Exception");
    }

    @Test
    void shouldExitTwoForAMissingFile() {
        CliRun result = cli.launch("trade", "import", "no/such/file.csv");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.errors()).contains("no/such/file.csv: no such file");
    }

    @Test
    void shouldExitTwoNamingTheOptionForAnImpossiblePeriod() {
        CliRun result = cli.launch("trade", "analyze", "--period", "2023-13..2023-02");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.errors()).contains("--period: period '2023-13..2023-02': '2023-13' is not a month");
    }
}
