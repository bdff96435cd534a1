package org.clearance.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.OptionalInt;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Entry point of the single jar: the {@code serve} command (also the default without arguments,
 * as containers run the jar) runs the HTTP server; every other command runs once and exits
 * without opening the HTTP port. Help, version, shell completion and usage errors are answered
 * before Quarkus starts: they need neither the database nor the rule engine.
 */
@QuarkusMain
public class ClearanceMain implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        OptionalInt answered =
                answerWithoutStarting(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (answered.isPresent()) {
            System.exit(answered.getAsInt());
        }
        boolean serve = args.length == 0 || args[0].equals("serve");
        if (!serve) {
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("clearance.streaming.enabled", "false"); // only the server consumes from Kafka
            System.setProperty("quarkus.log.level", System.getProperty("quarkus.log.level", "WARN"));
        }
        org.clearance.parties.matching.NameNormalizer.prepareInBackground();
        org.clearance.config.H2Password.prepare();
        Quarkus.run(ClearanceMain.class, args);
    }

    @Override
    public int run(String... args) {
        return commandLine(factory).execute(args.length == 0 ? new String[] {"serve"} : args);
    }

    /**
     * Parses the arguments with commands that are not wired to the application: help ({@code --help}, {@code help CMD}),
     * {@code --version} and usage errors are printed here and give the exit code; anything else needs the application.
     */
    static OptionalInt answerWithoutStarting(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine;
        try {
            commandLine = commandLine(CommandLine.defaultFactory());
        } catch (CommandLine.InitializationException e) {
            return OptionalInt.empty(); // a command that only the application can build: it answers as before
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            CommandLine.ParseResult parsed = commandLine.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return OptionalInt.of(ExitCodes.OK);
            }
            if (parsed.subcommand() != null
                    && parsed.subcommand().commandSpec().userObject() instanceof AutoComplete.GenerateCompletion) {
                return OptionalInt.of(commandLine.execute(args));
            }
            return OptionalInt.empty();
        } catch (CommandLine.ParameterException e) {
            return OptionalInt.of(new UsageErrors().handleParseException(e, args));
        }
    }

    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(ClearanceCommand.class, factory);
        commandLine.addSubcommand("help", new CommandLine.HelpCommand());
        commandLine.addSubcommand("generate-completion", new AutoComplete.GenerateCompletion());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(new UsageErrors());
        withHelpOptions(commandLine, commandLine.getCommandSpec().version());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // An unexpected failure: say what happened in one line, keep the stack trace out of the user's face.
            cmd.getErr().println("clearance: internal error: " + e);
            io.quarkus.logging.Log.debug("internal error", e);
            return ExitCodes.INTERNAL;
        });
        return commandLine;
    }

    /** Every command and subcommand answers --help and --version, whether or not its class asks for them. */
    private static void withHelpOptions(CommandLine command, String[] version) {
        CommandSpec spec = command.getCommandSpec();
        if (!spec.helpCommand()) {
            spec.mixinStandardHelpOptions(true);
            spec.version(version);
        }
        command.getSubcommands().values().forEach(sub -> withHelpOptions(sub, version));
    }
}
