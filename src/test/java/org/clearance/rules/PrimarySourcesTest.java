package org.clearance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What users receive cites public primary sources: no rule, data, test or documentation file points at the
 * project's private research notes ({@code shared/reference}), every rule's citation and every data file's
 * {@code # source:} header is a source a user can look up, and every data file says how complete it is.
 */
class PrimarySourcesTest {

    private static final String PRIVATE_NOTES = "shared/reference";
    /** The file names of those notes, which users do not have either. */
    private static final List<String> PRIVATE_FILES = List.of("regimes.md", "red-flags.md", "trade-baselines.md",
            "jurisdiction-scope.md", "authorisations.md");

    @Test
    void shouldNotMentionThePrivateResearchNotesInAnyRuleDataOrDocumentationFile() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<Path> roots = List.of(Path.of("rules"), Path.of("docs"), Path.of("examples"), Path.of("README.md"));
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                    String lower = text.toLowerCase(Locale.ROOT);
                    if (lower.contains(PRIVATE_NOTES) || PRIVATE_FILES.stream().anyMatch(lower::contains)) {
                        offenders.add(file.toString());
                    }
                }
            }
        }
        assertThat(offenders).as("files that cite %s instead of a public source", PRIVATE_NOTES).isEmpty();
    }

    @Test
    void shouldGiveEveryRuleACitationAndEveryDataFileASourceAndCompletenessAUserCanCheck() {
        RulePack pack = RulePackLoader.load(Path.of("rules"));

        assertThat(pack.rules()).allSatisfy(rule -> assertThat(rule.citation()).as(rule.id())
                .isNotBlank().doesNotContainIgnoringCase("shared/").doesNotContainIgnoringCase("regimes.md"));
        assertThat(pack.dataSets()).allSatisfy(data -> {
            assertThat(data.source()).as(data.file()).isNotBlank().doesNotContainIgnoringCase("shared/");
            assertThat(data.completeness()).as(data.file()).isNotNull();
        });
        assertThat(pack.rules()).filteredOn(RuleInfo::nexus).extracting(RuleInfo::jurisdiction).map(Enum::name)
                .contains("US", "EU", "UK", "JP");
    }
}
