package org.clearance.cli;

import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import org.clearance.lists.ListDownloads;
import org.clearance.rules.RulePackRegistry;
import org.clearance.rules.active.ActivePackFollower;
import org.clearance.rules.reload.RulesDirectoryWatcher;
import org.clearance.security.IdentitySetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * Runs the HTTP API until stopped, on the database's active rule pack when one was activated (else its rules folder;
 * it refuses to start with a broken one); follows packs activated later and watches the rules folder.
 */
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

    @Inject
    RulesDirectoryWatcher watcher;

    @Inject
    org.clearance.webhooks.WebhookSender webhooks;

    @Inject
    org.clearance.rescreen.RescreenService rescreens;

    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    @Inject
    org.clearance.config.ClearanceConfig config;

    @Inject
    IdentitySetup identities;

    @Inject
    ActivePackFollower follower;

    @Inject
    org.clearance.packs.subscriptions.PackSubscriptionPoller subscriptions;

    @Override
    public Integer call() {
        // First: a fresh install has nobody who may call the API; say how to make the first admin.
        java.io.PrintWriter err = spec.commandLine().getErr();
        String host = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.host", String.class).orElse("127.0.0.1");
        identities.firstRunAdvice(host).forEach(err::println);
        err.flush();
        if (follower.loadActive()) {
            // Every server runs the active pack; the folder is only what a reload or the watcher would activate.
            registry.useFolder(rules.directory != null ? rules.directory : registry.configuredDirectory());
        } else {
            if (rules.load(registry, spec.commandLine().getErr()).isEmpty()) {
                return ExitCodes.RULE_PACK;
            }
            registry.versionId(registry.live()); // record the startup pack before the first screening
        }
        follower.start(); // swaps to a pack activated later by any process (clearance.rules.active-poll)
        watcher.start(); // reloads a changed pack only once it compiles, lints and passes its tests (clearance.reload.watch)
        downloads.schedule(); // only a running server downloads lists; CLI runs never use the network
        subscriptions.schedule(); // pack subscriptions too: a failed poll shows in health, the active pack stays
        webhooks.schedule(); // and sends webhook deliveries, including those CLI runs left in the outbox
        rescreens.schedule(scheduler, config.rules().activePoll(), registry); // once per activated pack, by one server
        Quarkus.waitForExit();
        return ExitCodes.OK;
    }
}
