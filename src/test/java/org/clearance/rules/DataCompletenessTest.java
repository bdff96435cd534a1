package org.clearance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearance.facts.DataCompleteness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code # completeness:} header of data files: parsed into a fact rules can read, and validated by the loader. */
class DataCompletenessTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheLevelAndTheReason() {
        DataCompleteness partial = DataCompleteness.parse("us/supp4", "partial - 13 of about 2,405 HTS-6 codes");

        assertThat(partial.level()).isEqualTo("partial");
        assertThat(partial.reason()).isEqualTo("13 of about 2,405 HTS-6 codes");
        assertThat(partial.complete()).isFalse();
        assertThat(DataCompleteness.parse("x", "complete").complete()).isTrue();
    }

    @Test
    void shouldRefuseAnUnknownLevelOrAPartialListWithoutReason() {
        assertThat(DataCompleteness.parse("x", "mostly - nearly all")).isNull();
        assertThat(DataCompleteness.parse("x", "partial")).isNull();
        assertThat(DataCompleteness.parse("x", "empty -")).isNull();
        assertThat(DataCompleteness.parse("x", null)).isNull();
    }

    @Test
    void shouldRejectAPackWhoseDataFileDeclaresNoValidCompleteness() throws IOException {
        Files.writeString(dir.resolve("ok.drl"), """
                package ok;
                import org.clearance.facts.Line;
                import org.clearance.facts.Finding;
                rule "OK-1 x"
                    @id("OK-1") @jurisdiction("US") @severity("INFO") @citation("c") @effective("2022-01-01")
                when
                    $l : Line()
                then
                    insert(Finding.of(drools.getRule(), $l, "m"));
                end
                """);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/codes.csv"), "# source: s\n# version: 1\n# completeness: roughly\ncode\nRU\n");

        assertThatThrownBy(() -> RulePackLoader.load(dir)).isInstanceOfSatisfying(RulePackInvalidException.class,
                e -> assertThat(e.problems()).extracting(RulePackProblem::toString).singleElement().asString()
                        .startsWith("data/codes.csv:1: data file needs a '# completeness: complete|partial|empty - reason' header"));
    }
}
