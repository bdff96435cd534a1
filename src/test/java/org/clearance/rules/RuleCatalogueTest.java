package org.clearance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules-catalogue.md is generated from the rules; it must match what the current pack generates. */
class RuleCatalogueTest {

    private static final Path CATALOGUE = Path.of("docs/rules-catalogue.md");

    @Test
    void shouldMatchTheCommittedCatalogue() throws IOException {
        String generated = RuleCatalogue.markdown(RulePackLoader.load(Path.of("rules")));
        assertThat(Files.readString(CATALOGUE))
                .as("docs/rules-catalogue.md is stale: run ./clearance rules doc and commit the result")
                .isEqualTo(generated);
    }

    @Test
    void shouldListTheDataFilesARuleReads() {
        assertThat(RuleCatalogue.datasets("""
                DataRow( dataset == "common/chpl", key == $l.hs6 )
                DataRow( dataset in ("us/supp4-industry-sector-hts6", "us/supp7-hts6"), key == $l.hs6 )
                """)).containsExactly("common/chpl", "us/supp4-industry-sector-hts6", "us/supp7-hts6");
    }

    @Test
    void shouldCountEachRulesTestCasesAndDataFiles() {
        String catalogue = RuleCatalogue.markdown(RulePackLoader.load(Path.of("rules")));
        assertThat(catalogue).contains("| US-HTS-01 |").contains("us/supp4-industry-sector-hts6, us/supp7-hts6")
                .contains("## JP").contains("| verify |");
    }
}
