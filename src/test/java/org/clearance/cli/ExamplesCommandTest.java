package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code clearance examples check} refuses missing files with exit code 2 before it loads anything, so these cases
 * run the command line as the jar wires it, without starting the application (ExamplesCliTest launches the rest).
 */
class ExamplesCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldExitWithTwoNamingAMissingExpectedResultsFile() {
        Path missing = dir.resolve("no-such.csv");
        StringWriter err = new StringWriter();

        int code = run(err, "examples", "check", "--expected", missing.toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).isEqualTo("clearance: " + missing + ": no such file (create it with --update)\n");
    }

    @Test
    void shouldExitWithTwoNamingAMissingOrdersFolderEvenWithUpdate() {
        Path missing = dir.resolve("orders");
        StringWriter err = new StringWriter();

        int code = run(err, "examples", "check", "--update", "--orders", missing.toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).isEqualTo("clearance: " + missing + ": no such folder of example orders\n");
    }

    @Test
    void shouldExitWithTwoOnAnUnknownOption() {
        StringWriter err = new StringWriter();

        int code = run(err, "examples", "check", "--fix");

        assertThat(code).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).startsWith("Unknown option: '--fix'");
    }

    private static int run(StringWriter err, String... args) {
        CommandLine commandLine = ClearanceMain.commandLine(CommandLine.defaultFactory());
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }
}
