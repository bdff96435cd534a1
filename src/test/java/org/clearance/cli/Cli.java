package org.clearance.cli;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.clearance.rules.RulePackRegistry;
import picocli.CommandLine;

/**
 * The CLI's commands, run in the test's started application as {@link ClearanceMain#run} runs them after start-up:
 * the same command line, factory, exception handlers and exit codes, without booting the application once per
 * command. What the commands print is captured, and so is every warning or error logged meanwhile, with its stack
 * trace, as a terminal would show them. Start-up itself (what the jar does before a command runs) is tested on the
 * packaged jar.
 * <p>
 * A CLI process runs one command, and a command given {@code --rules DIR} makes that pack the process's live pack.
 * Here the application outlives the command, so the pack it served before is restored afterwards: later tests in the
 * same application screen with what they expect.
 */
@ApplicationScoped
public class Cli {

    @Inject
    CommandLine.IFactory factory;

    @Inject
    RulePackRegistry registry;

    public CliRun launch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ClearanceMain.commandLine(factory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        LoggedProblems logged = new LoggedProblems();
        Logger root = Logger.getLogger("");
        root.addHandler(logged);
        RulePackRegistry.Live servedBefore = registry.loaded() ? registry.live() : null;
        Path folderBefore = registry.folder();
        int exitCode;
        try {
            exitCode = commandLine.execute(args);
        } finally {
            root.removeHandler(logged);
            if (registry.loaded() && registry.live() != servedBefore) {
                registry.load(folderBefore);
            }
        }
        return new CliRun(exitCode, out.toString(), err + logged.text());
    }

    /** Warnings and errors logged while a command runs: what the console would have shown next to its output. */
    private static final class LoggedProblems extends Handler {

        private final StringBuffer text = new StringBuffer();

        LoggedProblems() {
            setLevel(Level.WARNING);
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            text.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ")
                    .append(formatted(record)).append('\n');
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(trace);
            }
        }

        private static String formatted(LogRecord record) {
            String message = record.getMessage();
            Object[] parameters = record.getParameters();
            if (message == null || parameters == null || parameters.length == 0) {
                return String.valueOf(message);
            }
            try {
                return message.contains("{0") ? java.text.MessageFormat.format(message, parameters)
                        : String.format(message, parameters);
            } catch (IllegalArgumentException e) {
                return message;
            }
        }

        String text() {
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
