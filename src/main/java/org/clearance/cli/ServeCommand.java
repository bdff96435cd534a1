package org.clearance.cli;

import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import org.clearance.lists.ListDownloads;
import org.clearance.rules.RulePackRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Runs the HTTP API until stopped; refuses to serve with a broken rule pack. */
@Command(name = "serve", description = "Start the HTTP API (port 8080 unless quarkus.http.port says otherwise).")
public class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulePackOption rules;

    @Inject
    RulePackRegistry registry;

    @Inject
    ListDownloads downloads;

    @Override
    public Integer call() {
        if (rules.load(registry, spec.commandLine().getErr()).isEmpty()) {
            return ExitCodes.RULE_PACK;
        }
        downloads.schedule(); // only a running server downloads lists; CLI runs never use the network
        Quarkus.waitForExit();
        return ExitCodes.OK;
    }
}
