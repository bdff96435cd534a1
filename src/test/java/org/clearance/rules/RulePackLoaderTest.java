package org.clearance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackLoaderTest {

    @TempDir
    Path dir;

    @Test
    void shouldLoadTheShippedPackWithMetadataOnEveryRule() {
        RulePack pack = RulePackLoader.load(Path.of("rules"));

        assertThat(pack.rules()).extracting(RuleInfo::id)
                .contains("US-CHP-01", "EU-CHP-RU-01", "UK-CHP-RU-01", "JP-CHP-01", "US-ECCN-01", "ALL-DIV-01",
                        "EU-12G-01", "US-RF-FWD-01", "US-RF-PAYER-01", "ALL-UNCLASSIFIED-01");
        RuleInfo clause = pack.rules().stream().filter(r -> r.id().equals("EU-12G-01")).findFirst().orElseThrow();
        assertThat(clause.jurisdiction()).isEqualTo(Jurisdiction.EU);
        assertThat(clause.severity()).isEqualTo(Severity.REVIEW);
        assertThat(clause.citation()).isEqualTo("Council Regulation (EU) No 833/2014, Art. 12g");
        assertThat(clause.effective()).hasToString("2024-03-20");
        assertThat(clause.file()).isEqualTo("eu/no-russia-clause.drl");
        assertThat(pack.dataSets()).extracting(DataSet::name).contains("common/chpl", "eu/member-states");
        assertThat(pack.hash()).hasSize(64);
    }

    @Test
    void shouldNameFileAndLineOfACompileError() throws IOException {
        write("us/broken.drl", """
                package us;
                import org.clearance.facts.Line;
                rule "X-1 broken"
                    @id("X-1") @jurisdiction("US") @severity("BLOCK") @citation("c") @effective("2024-01-01")
                when
                    $l : Line( noSuchField == 1 )
                then
                end
                """);

        assertThatThrownBy(() -> RulePackLoader.load(dir))
                .isInstanceOfSatisfying(RulePackInvalidException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("us/broken.drl");
                            assertThat(p.line()).isPositive();
                            assertThat(p.message()).contains("noSuchField");
                        }));
    }

    @Test
    void shouldRejectRulesWithoutMetadataOrWithDuplicateIds() throws IOException {
        write("a.drl", """
                package a;
                import org.clearance.facts.Line;
                rule "A-1 first"
                    @id("A-1") @jurisdiction("EU") @severity("REVIEW") @citation("c") @effective("2024-01-01")
                when $l : Line() then end
                rule "A-1 again"
                    @id("A-1") @jurisdiction("EU") @severity("REVIEW") @citation("c") @effective("2024-01-01")
                when $l : Line() then end
                rule "A-2 no citation"
                    @id("A-2") @jurisdiction("EU") @severity("MAYBE") @effective("2024-01-01")
                when $l : Line() then end
                rule "A-3 bad values"
                    @id("A-3") @jurisdiction("FR") @severity("MAYBE") @citation("c") @effective("soon")
                when $l : Line() then end
                """);

        assertThatThrownBy(() -> RulePackLoader.load(dir))
                .isInstanceOfSatisfying(RulePackInvalidException.class, e -> assertThat(e.problems())
                        .extracting(RulePackProblem::toString)
                        .anyMatch(p -> p.startsWith("a.drl:6: duplicate rule id A-1"))
                        .anyMatch(p -> p.equals("a.drl:9: rule \"A-2 no citation\" lacks @citation"))
                        .anyMatch(p -> p.startsWith("a.drl:12:") && p.contains("@jurisdiction(\"FR\")"))
                        .anyMatch(p -> p.startsWith("a.drl:12:") && p.contains("@severity(\"MAYBE\")"))
                        .anyMatch(p -> p.startsWith("a.drl:12:") && p.contains("@effective(\"soon\")")));
    }

    @Test
    void shouldRejectADataFileWithoutSourceAndVersion() throws IOException {
        write("ok.drl", """
                package ok;
                import org.clearance.facts.Line;
                rule "OK-1 fine"
                    @id("OK-1") @jurisdiction("EU") @severity("REVIEW") @citation("c") @effective("2024-01-01")
                when $l : Line() then end
                """);
        write("data/common/list.csv", "code,name\nRU,Russia\n");

        assertThatThrownBy(() -> RulePackLoader.load(dir))
                .isInstanceOfSatisfying(RulePackInvalidException.class, e -> assertThat(e.problems())
                        .extracting(RulePackProblem::toString)
                        .containsExactly(
                                "data/common/list.csv:1: data file needs a '# source: …' header line naming where the data comes from",
                                "data/common/list.csv:1: data file needs a '# version: …' header line naming the version or date of the data",
                                "data/common/list.csv:1: data file needs a '# completeness: complete|partial|empty - reason' header line "
                                        + "saying whether it holds the whole official list (a reason is required for partial and empty)"));
    }

    @Test
    void shouldRejectADataFileWhoseNumberOrDateColumnsHoldSomethingElse() throws IOException {
        write("ok.drl", """
                package ok;
                import org.clearance.facts.Line;
                rule "OK-1 fine"
                    @id("OK-1") @jurisdiction("EU") @severity("REVIEW") @citation("c") @effective("2024-01-01")
                when $l : Line() then end
                """);
        write("data/common/points.csv", "# source: s\n# version: v\n# completeness: complete\nfactor,points,date\nchp-tier-1,four,2024-01-01\nx,4,1.1.2024\ny,4.5,\n");

        assertThatThrownBy(() -> RulePackLoader.load(dir))
                .isInstanceOfSatisfying(RulePackInvalidException.class, e -> assertThat(e.problems())
                        .extracting(RulePackProblem::toString)
                        .containsExactly(
                                "data/common/points.csv:5: column 'points' must hold a number, got 'four'",
                                "data/common/points.csv:6: column 'date' must hold an ISO date (YYYY-MM-DD), got '1.1.2024'"));
    }

    @Test
    void shouldChangeTheHashWhenADataFileChanges() throws IOException {
        write("ok.drl", """
                package ok;
                import org.clearance.facts.Line;
                rule "OK-1 fine"
                    @id("OK-1") @jurisdiction("EU") @severity("REVIEW") @citation("c") @effective("2024-01-01")
                when $l : Line() then end
                """);
        write("data/x.csv", "# source: s\n# version: 1\n# completeness: complete\ncode\nA\n");
        String before = RulePackLoader.load(dir).hash();

        write("data/x.csv", "# source: s\n# version: 2\n# completeness: complete\ncode\nA\n");

        assertThat(RulePackLoader.load(dir).hash()).isNotEqualTo(before);
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
