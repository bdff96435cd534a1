package org.clearance.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clearance.rules.active.ActivePack;
import org.clearance.rules.active.Activation;
import org.clearance.rules.active.RulePackActivation;
import org.clearance.rules.reload.PackCheck;
import org.clearance.rules.reload.ReloadTrigger;
import org.clearance.rules.reload.RulePackRejectedException;
import org.clearance.security.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clearance rules activate DIR}: checks a rules folder like a reload and makes it the pack every server runs. */
@Command(name = "activate", description = "Check a rule pack folder as a reload does (compile, allow-list, lint, rule tests) "
        + "and make it the active pack of the database: every server on it switches within clearance.rules.active-poll.",
        footer = {"", "Exit codes: 0 activated (or already active), 1 a rule test fails or a rule is not covered, "
                + "2 DIR is not a folder, 3 the pack does not load. A refused pack changes nothing."})
class ActivateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The rule pack folder to activate, e.g. rules.")
    Path directory;

    @Inject
    RulePackActivation activations;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(directory)) {
            err.println("clearance: " + directory + " is not a folder; name the rule pack folder to activate, e.g. rules");
            err.flush();
            return ExitCodes.INPUT;
        }
        Activation done;
        try {
            done = activations.activate(directory, ReloadTrigger.CLI, Actor.cliOperator());
        } catch (RulePackRejectedException e) {
            return refused(e.check(), err);
        }
        ActivePack active = done.active();
        if (done.alreadyActive()) {
            out.printf("rule pack %s was already active (activation %d, by %s at %s): %d rules; nothing changed%n",
                    active.hash(), active.activation(), active.activatedBy(), active.activatedAt(), done.rules());
        } else {
            out.printf("rule pack %s is now active (activation %d): %d rules from %s; every server on this database "
                    + "switches to it within clearance.rules.active-poll%n", active.hash(), active.activation(), done.rules(),
                    directory);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int refused(PackCheck check, PrintWriter err) {
        err.println("clearance: the rule pack in " + directory + " was refused (" + check.reasons().size()
                + " problem(s)); the active pack is unchanged:");
        check.reasons().forEach(err::println);
        err.flush();
        return check.loads() ? ExitCodes.FINDINGS : ExitCodes.RULE_PACK;
    }
}
