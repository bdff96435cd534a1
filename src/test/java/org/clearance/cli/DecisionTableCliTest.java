package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The CLI reports a broken decision table as a rule pack error naming the table and the row, never a stack trace. */
@QuarkusTest
@Tag("cli")
class DecisionTableCliTest {

    @Inject
    Cli cli;

    @Test
    void shouldExitThreeNamingTheTableAndRowOfAMissingCitation() throws IOException {
        Path pack = Files.createTempDirectory("pack");
        Files.createDirectories(pack.resolve("eu"));
        // CSV quotes written as ' to keep the text block readable.
        Files.writeString(pack.resolve("eu/buyers.table.csv"), """
                RuleSet,eu
                Import,'org.clearance.facts.Order, org.clearance.facts.Finding'
                RuleTable Buyer countries
                NAME,METADATA,METADATA,METADATA,METADATA,METADATA,CONDITION,ACTION
                ,,,,,,$o : Order,
                ,'id(''$param'')','jurisdiction(''$param'')','severity(''$param'')','citation(''$param'')','effective(''$param'')','buyer.country == ''$param''','insert(Finding.of(drools.getRule(), $o, ''$param''));'
                Rule,Id,Jurisdiction,Severity,Citation,Effective,Buyer country,Message
                EU-T-01 Russian buyer,EU-T-01,EU,BLOCK,Test citation,2024-01-01,RU,Russian buyer
                EU-T-02 Belarusian buyer,EU-T-02,EU,BLOCK,,2024-01-01,BY,Belarusian buyer
                """.replace('\'', '"'));

        CliRun result = cli.launch("rules", "list", "--rules", pack.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.RULE_PACK);
        assertThat(result.errors())
                .contains("eu/buyers.table.csv:9: rule \"EU-T-02 Belarusian buyer\" lacks @citation")
                .doesNotContain("\tat ");
    }
}
