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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The CI examples of docs/ci.md (examples/ci) are valid YAML and every {@code ./clearance} command
 * in them parses with the real command line, so they stay in step with the options.
 */
class CiExamplesTest {

    private static final Pattern COMMAND = Pattern.compile("\\./clearance ([^>|\\n]+)");

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
}
