package org.clearance.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clearance.reports.RunProblem;
import picocli.CommandLine;

/**
 * Answers a command line that does not parse: the error and the usage on stderr, exit code 2, and, when the command
 * asked for a CI report ({@code screen} or {@code rules test} with {@code --format junit|sarif|github}), that report
 * naming the error, so that the file a CI step publishes is never empty.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    /** The commands that write CI reports, and the report formats each has. */
    private static final Map<String, Set<String>> REPORTS = Map.of(
            "clearance screen", Set.of("JUNIT", "SARIF", "GITHUB"),
            "clearance rules test", Set.of("JUNIT"));

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(e.getMessage());
        command.usage(command.getErr());
        command.getErr().flush();
        String name = command.getCommandSpec().qualifiedName();
        String format = format(args);
        if (format != null && REPORTS.getOrDefault(name, Set.of()).contains(format)) {
            StoppedReport.write(format, name, List.of(RunProblem.input(e.getMessage())), command.getOut());
        }
        return ExitCodes.INPUT;
    }

    /** The value of the last {@code --format} option in {@code args}, upper case, or null. */
    static String format(String[] args) {
        String format = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--format") && i + 1 < args.length) {
                format = args[i + 1];
            } else if (args[i].startsWith("--format=")) {
                format = args[i].substring("--format=".length());
            }
        }
        return format == null ? null : format.toUpperCase(Locale.ROOT);
    }
}
