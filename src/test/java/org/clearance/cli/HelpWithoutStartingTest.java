package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.clearance.testing.BesideTheApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command answers --help, and help, version and usage errors need no application (nor database). */
@BesideTheApplication
class HelpWithoutStartingTest {

    record Answer(OptionalInt exitCode, String out, String err) {
    }

    static Stream<List<String>> everyCommand() {
        List<List<String>> paths = new ArrayList<>();
        collect(ClearanceMain.commandLine(CommandLine.defaultFactory()), new ArrayList<>(), paths);
        return paths.stream();
    }

    @Test
    void shouldKnowEveryCommandWithoutTheApplication() {
        assertThat(everyCommand()).contains(List.of(), List.of("screen"), List.of("lists", "import"), List.of("rules", "diff"),
                List.of("trade", "analyze"), List.of("serve"));
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void shouldPrintUsageForHelpOnEveryCommand(List<String> command) {
        Answer answer = answer(command, "--help");

        assertThat(answer.exitCode()).hasValue(ExitCodes.OK);
        assertThat(answer.out()).startsWith("Usage: " + String.join(" ", withTop(command)));
        assertThat(answer.err()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void shouldPrintTheVersionOnEveryCommand(List<String> command) {
        assertThat(answer(command, "--version").out()).startsWith("Clearance ");
    }

    @Test
    void shouldPrintTheUsageOfTheCommandNamedAfterHelp() {
        Answer answer = answer(List.of("help"), "screen");

        assertThat(answer.exitCode()).hasValue(ExitCodes.OK);
        assertThat(answer.out()).startsWith("Usage: clearance screen");
        assertThat(answer.err()).isEmpty();
    }

    @Test
    void shouldExitTwoWithTheProblemAndTheUsageForAMissingArgument() {
        Answer answer = answer(List.of("lists", "import"), "--source", "csl");

        assertThat(answer.exitCode()).hasValue(ExitCodes.INPUT);
        assertThat(answer.err()).startsWith("Missing required parameter: 'FILE'").contains("Usage: clearance lists import");
        assertThat(answer.out()).isEmpty();
    }

    @Test
    void shouldExitTwoForAnUnknownOptionOrCommand() {
        assertThat(answer(List.of("rules", "test"), "--bogus").err()).startsWith("Unknown option: '--bogus'");
        assertThat(answer(List.of(), "scren").exitCode()).hasValue(ExitCodes.INPUT);
    }

    @Test
    void shouldPrintABashCompletionScriptThatKnowsTheCommands() {
        Answer answer = answer(List.of("generate-completion"));

        assertThat(answer.exitCode()).hasValue(ExitCodes.OK);
        assertThat(answer.out()).contains("complete -F _complete_clearance").contains("import").contains("analyze");
    }

    @Test
    void shouldLeaveAValidCommandToTheApplication() {
        assertThat(answer(List.of("screen"), "examples/orders").exitCode()).isEmpty();
        assertThat(answer(List.of("rules"), "test").exitCode()).isEmpty();
    }

    private static Answer answer(List<String> command, String... more) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        OptionalInt code = ClearanceMain.answerWithoutStarting(args.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Answer(code, out.toString(), err.toString());
    }

    private static List<String> withTop(List<String> command) {
        List<String> all = new ArrayList<>(List.of("clearance"));
        all.addAll(command);
        return all;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        if (command.getCommandSpec().helpCommand() || command.getCommandSpec().userObject() instanceof picocli.AutoComplete.GenerateCompletion) {
            return;
        }
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            List<String> deeper = new ArrayList<>(path);
            deeper.add(name);
            collect(sub, deeper, paths);
        });
    }
}
