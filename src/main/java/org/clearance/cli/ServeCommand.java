package org.clearance.cli;

import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clearance.rules.RulePackInvalidException;
import org.clearance.rules.RulePackRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the HTTP API until stopped; refuses to serve with a broken rule pack. */
@Command(name = "serve", description = "Start the HTTP API (port 8080 unless quarkus.http.port says otherwise).")
public class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rule pack folder (default: clearance.rules.directory, ./rules).")
    Path rules;

    @Inject
    RulePackRegistry registry;

    @Override
    public Integer call() {
        try {
            registry.load(rules != null ? rules : registry.configuredDirectory());
        } catch (RulePackInvalidException e) {
            RulesCommand.printProblems(spec.commandLine().getErr(), e);
            return ExitCodes.RULE_PACK;
        }
        Quarkus.waitForExit();
        return ExitCodes.OK;
    }
}
