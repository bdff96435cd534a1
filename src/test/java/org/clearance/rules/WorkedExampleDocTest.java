package org.clearance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearance.rules.cases.RuleCaseRunner;
import org.clearance.rules.cases.RuleTestReport;
import org.clearance.testing.BesideTheApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of docs/rules.md, copied verbatim into a copy of the shipped pack as the page says, loads and
 * passes the pack's rule tests (its own cases included), so the page cannot drift from what works.
 */
@BesideTheApplication
class WorkedExampleDocTest {

    /** "**1. The rule**: `rules/…`", then the fenced block that is the file. */
    private static final Pattern FILE = Pattern.compile("\\*\\*\\d\\. [^*]+\\*\\*: `rules/([^`]+)`\\s*\\n\\s*```[a-z]*\\n(.*?)\\n```",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void shouldLoadAndPassTheRuleTestsWhenTheWorkedExampleIsCopiedIntoThePack() throws IOException {
        Map<String, String> files = workedExample();
        assertThat(files.keySet()).as("files of the worked example").hasSize(2)
                .anyMatch(f -> f.endsWith(".drl")).anyMatch(f -> f.endsWith(".tests.yaml"));
        Path rules = dir.resolve("rules");
        FileTrees.copy(Path.of("rules"), rules);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = rules.resolve(file.getKey());
            assertThat(target).as("the example must not overwrite a shipped file").doesNotExist();
            Files.writeString(target, file.getValue() + "\n");
        }

        RulePack pack = RulePackLoader.load(rules);
        RuleTestReport report = new RuleCaseRunner(pack).run(rules);

        assertThat(pack.rules()).extracting(RuleInfo::id).contains("ACME-RF-CRYPTO-01");
        assertThat(report.fileErrors()).isEmpty();
        assertThat(report.failures()).isEmpty();
        assertThat(report.uncovered()).isEmpty();
    }

    private static Map<String, String> workedExample() throws IOException {
        String page = Files.readString(Path.of("docs/rules.md"));
        int start = page.indexOf("\n## Worked example\n");
        assertThat(start).as("docs/rules.md has a Worked example section").isNotNegative();
        int end = page.indexOf("\n## ", start + 1);
        Matcher file = FILE.matcher(page.substring(start, end < 0 ? page.length() : end));
        Map<String, String> files = new LinkedHashMap<>();
        while (file.find()) {
            files.put(file.group(1), file.group(2));
        }
        return files;
    }
}
