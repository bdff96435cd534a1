package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearance.testing.BesideTheApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The CI examples of docs/ci.md (examples/ci) are valid YAML and every {@code ./clearance} command
 * in them parses with the real command line, so they stay in step with the options.
 */
@BesideTheApplication
class CiExamplesTest {

    private static final Pattern COMMAND = Pattern.compile("\\./clearance ([^>|\\n]+)");
    /** {@code ./clearance …} followed by a pipe ({@code |}, not {@code ||}). */
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern PIPED = Pattern.compile("\\./clearance [^|\\n]*(?<!\\|)\\|(?!\\|)");

    @ParameterizedTest
    @ValueSource(strings = {"examples/ci/github-workflow.yml", "examples/ci/gitlab-ci.yml"})
    void shouldUseOnlyCommandsAndOptionsThatExist(String file) throws IOException {
        String text = Files.readString(Path.of(file));
        assertThatCode(() -> new ObjectMapper(new YAMLFactory()).readTree(text)).doesNotThrowAnyException();

        List<String[]> commands = new ArrayList<>();
        // A GitHub expression (${{ github.base_ref }}) is one argument once the runner has expanded it.
        Matcher m = COMMAND.matcher(text.replaceAll("\\$\\{\\{[^}]*}}", "EXPRESSION"));
        while (m.find()) {
            commands.add(Arrays.stream(m.group(1).strip().split("\\s+")).map(a -> a.replace("\"", "")).toArray(String[]::new));
        }

        assertThat(commands).extracting(c -> c[0] + " " + c[1])
                .contains("rules test", "screen --format", "rules diff");
        for (String[] args : commands) {
            assertThatCode(() -> ClearanceMain.commandLine(CommandLine.defaultFactory()).parseArgs(args))
                    .as(String.join(" ", args)).doesNotThrowAnyException();
        }
    }

    /**
     * A shell pipeline's exit code is its last command's: {@code ./clearance … | tee file} succeeds even when clearance
     * failed, unless pipefail is set just before (in the same step or script) or on the same line.
     */
    @ParameterizedTest
    @ValueSource(strings = {"examples/ci/github-workflow.yml", "examples/ci/gitlab-ci.yml", "docs/ci.md"})
    void shouldNotHideAnExitCodeBehindAPipe(String file) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(file));
        List<String> hidden = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            // In Markdown a command sits in a `code span`, and | also separates table columns: read only the spans.
            List<String> code = new ArrayList<>();
            Matcher spans = CODE_SPAN.matcher(lines.get(i));
            while (spans.find()) {
                code.add(spans.group(1));
            }
            boolean piped = (code.isEmpty() ? List.of(lines.get(i)) : code).stream().anyMatch(c -> PIPED.matcher(c).find());
            if (piped && lines.subList(Math.max(0, i - 3), i + 1).stream().noneMatch(l -> l.contains("set -o pipefail"))) {
                hidden.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
        assertThat(hidden).as("clearance piped without set -o pipefail").isEmpty();
    }
}
