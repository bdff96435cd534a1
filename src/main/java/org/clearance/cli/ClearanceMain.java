package org.clearance.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * Entry point of the single jar: the {@code serve} command (also the default without arguments,
 * as containers run the jar) runs the HTTP server; every other command runs once and exits
 * without opening the HTTP port.
 */
@QuarkusMain
public class ClearanceMain implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        boolean serve = args.length == 0 || args[0].equals("serve");
        if (!serve) {
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.log.level", System.getProperty("quarkus.log.level", "WARN"));
        }
        org.clearance.config.H2Password.prepare();
        Quarkus.run(ClearanceMain.class, args);
    }

    @Override
    public int run(String... args) {
        return commandLine(factory).execute(args.length == 0 ? new String[] {"serve"} : args);
    }

    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(ClearanceCommand.class, factory);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // An unexpected failure: say what happened in one line, keep the stack trace out of the user's face.
            cmd.getErr().println("clearance: internal error: " + e);
            io.quarkus.logging.Log.debug("internal error", e);
            return ExitCodes.INTERNAL;
        });
        return commandLine;
    }
}
