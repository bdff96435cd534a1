package org.clearance.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clearance.packs.BundleFetch;
import org.clearance.packs.BundleDownloadException;
import org.clearance.packs.PackBundleLimits;
import org.clearance.packs.PackBundleRefusedException;
import org.clearance.packs.PackDowngradeException;
import org.clearance.packs.PackKeyException;
import org.clearance.packs.MissingBaseException;
import org.clearance.packs.PackManifest;
import org.clearance.packs.PackRequirement;
import org.clearance.packs.PulledStack;
import org.clearance.packs.PacksConfig;
import org.clearance.packs.PulledFolderConflictException;
import org.clearance.packs.PulledPack;
import org.clearance.packs.TrustedKeys;
import org.clearance.rules.active.ActivePack;
import org.clearance.rules.active.Activation;
import org.clearance.rules.active.RulePackActivation;
import org.clearance.rules.reload.PackCheck;
import org.clearance.rules.reload.ReloadConfig;
import org.clearance.rules.reload.ReloadTrigger;
import org.clearance.rules.reload.RulePackChecker;
import org.clearance.rules.reload.RulePackRejectedException;
import org.clearance.security.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clearance packs pull SOURCE}: what a subscriber runs to take a publisher's new version: fetch, verify, unpack
 * beside the versions pulled before, run the pack's rule tests, and activate it or say how.
 */
@Command(name = "pull", description = "Fetch a bundle (an https:// URL or a file), verify it as 'packs verify' does, unpack it "
        + "into packs/NAME/VERSION and run its rule tests; with --activate, also make it the active pack.",
        footer = {"", "Exit codes: 0 pulled (or already pulled) and its rule tests pass (and, with --activate, active), "
                + "1 refused (the bundle does not verify, or a higher version was pulled before) or a rule test fails, "
                + "2 a download or input problem (not HTTPS, an HTTP error, too large, a missing key, the folder exists "
                + "with other files), 3 the pack does not load."})
class PullCommand implements Callable<Integer> {

    /** Where pulled packs go by default, relative to the working folder: one folder per name, one per version in it. */
    static final Path PACKS_ROOT = Path.of("packs");
    private static final String COMMAND = "pull";

    @Spec
    CommandSpec spec;

    @Inject
    PacksConfig config;

    @Inject
    ReloadConfig reloadConfig;

    @Inject
    RulePackActivation activations;

    @Parameters(paramLabel = "SOURCE", description = "The bundle: an https:// URL (http:// only to this machine) or a file.")
    String source;

    @Option(names = "--trust", required = true, paramLabel = "NAME.pub", description = "A publisher's public key to accept; repeat for several.")
    List<Path> trusted;

    @Option(names = "--into", paramLabel = "DIR", description = "Unpack into DIR instead of packs/NAME/VERSION.")
    Path into;

    @Option(names = "--activate", description = "Make the pack the active pack of the database if its checks pass, as 'rules activate' does.")
    boolean activate;

    @Option(names = "--allow-downgrade", description = "Pull a version lower than one pulled before beside it.")
    boolean allowDowngrade;

    @Override
    public Integer call() {
        TrustedKeys keys;
        try {
            keys = TrustedKeys.read(trusted);
        } catch (PackKeyException e) {
            return fail(e.getMessage(), ExitCodes.INPUT);
        }
        PulledPack pulled;
        try {
            pulled = BundleFetch.pull(source, keys, into, PACKS_ROOT, allowDowngrade, PackBundleLimits.of(config));
        } catch (BundleDownloadException | PulledFolderConflictException e) {
            return fail(e.getMessage(), ExitCodes.INPUT);
        } catch (PackBundleRefusedException e) {
            return fail("refused: " + e.reason(), ExitCodes.FINDINGS);
        } catch (PackDowngradeException e) {
            return fail("refused: " + e.getMessage(), ExitCodes.FINDINGS);
        } catch (UncheckedIOException e) {
            return fail(e.getMessage() + " (" + e.getCause().getMessage() + ")", ExitCodes.INPUT);
        }
        report(pulled);
        if (activate && !pulled.manifest().requires().isEmpty()) {
            return fail(pulled.manifest().name() + " builds on " + requirements(pulled.manifest()) + ": it is a layer, not a "
                    + "whole pack. Activate an overlay whose stack.yaml lists its bases and it (docs/packs.md, step 8)",
                    ExitCodes.INPUT);
        }
        if (activate) {
            return activate(pulled.folder());
        }
        try {
            return PulledStack.check(pulled.folder(), pulled.manifest(), PACKS_ROOT, stack -> test(stack, pulled));
        } catch (MissingBaseException e) {
            return fail("pulled, but not tested: " + e.getMessage(), ExitCodes.INPUT);
        }
    }

    private static String requirements(PackManifest manifest) {
        return manifest.requires().stream().map(PackRequirement::toString).collect(java.util.stream.Collectors.joining(", "));
    }

    private void report(PulledPack pulled) {
        PackManifest manifest = pulled.manifest();
        PrintWriter out = spec.commandLine().getOut();
        if (pulled.alreadyPulled()) {
            out.printf("%s %s was already pulled into %s (the same files); nothing written.%n", manifest.name(),
                    manifest.version(), pulled.folder());
        } else {
            out.printf("Pulled %s %s by %s (%s), %d files, signed by %s (key %s), into %s.%n", manifest.name(),
                    manifest.version(), manifest.publisher(), String.join(", ", manifest.jurisdictions()),
                    manifest.files().size(), pulled.signedBy().label(), pulled.signedBy().keyId(), pulled.folder());
        }
        out.flush();
    }

    /**
     * The checks activation would run, on the bundle stacked as a base layer on the bases it requires (a stack folder
     * of those), so that the user learns now whether the pack can go live.
     */
    private int test(Path stack, PulledPack pulled) {
        PackCheck check = RulePackChecker.check(stack, reloadConfig.checkTimeout());
        if (!check.valid()) {
            return refused(check, pulled.folder(), "cannot be activated");
        }
        PrintWriter out = spec.commandLine().getOut();
        int skipped = check.tests().skipped().size();
        out.printf("Rule tests: %d passed%s, every rule covered (%d rules).%n", check.tests().passed(), skipped == 0 ? ""
                : ", " + skipped + " skipped (they expect rules of packs not stacked)", check.rules());
        if (skipped == 0 && pulled.manifest().requires().isEmpty()) {
            out.printf("To make it the active pack: clearance rules activate %s%n", pulled.folder());
        } else {
            out.printf("It is a layer of a stack: list it in an overlay's stack.yaml with the packs it works with, and "
                    + "activate the overlay (docs/packs.md, step 8).%n");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int activate(Path folder) {
        Activation done;
        try {
            done = activations.activate(folder, ReloadTrigger.CLI, Actor.cliOperator());
        } catch (RulePackRejectedException e) {
            return refused(e.check(), folder, "was not activated; the active pack is unchanged");
        }
        ActivePack active = done.active();
        PrintWriter out = spec.commandLine().getOut();
        if (done.alreadyActive()) {
            out.printf("Rule tests passed. Rule pack %s was already active (activation %d): %d rules; nothing changed.%n",
                    active.hash(), active.activation(), done.rules());
        } else {
            out.printf("Rule tests passed. Rule pack %s is now active (activation %d): %d rules from %s; every server on "
                    + "this database switches to it within clearance.rules.active-poll.%n", active.hash(),
                    active.activation(), done.rules(), folder);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Exit codes as 'rules activate': 1 when the pack loads but its tests fail, 3 when it does not load. */
    private int refused(PackCheck check, Path folder, String outcome) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("clearance packs pull: the pack in " + folder + " " + outcome + " (" + check.reasons().size()
                + " problem(s)):");
        check.reasons().forEach(err::println);
        err.flush();
        return check.loads() ? ExitCodes.FINDINGS : ExitCodes.RULE_PACK;
    }

    private int fail(String message, int exitCode) {
        return PacksCommand.fail(spec, COMMAND, message, exitCode);
    }
}
