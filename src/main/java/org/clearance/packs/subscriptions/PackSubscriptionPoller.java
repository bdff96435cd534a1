package org.clearance.packs.subscriptions;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.clearance.packs.BundleDownloadException;
import org.clearance.packs.BundleFetch;
import org.clearance.packs.MissingBaseException;
import org.clearance.packs.PackBundleLimits;
import org.clearance.packs.PackBundleRefusedException;
import org.clearance.packs.PackDowngradeException;
import org.clearance.packs.PackManifest;
import org.clearance.packs.PackRequirement;
import org.clearance.packs.PacksConfig;
import org.clearance.packs.PulledFolderConflictException;
import org.clearance.packs.PulledPack;
import org.clearance.packs.PulledStack;
import org.clearance.rules.FileTrees;
import org.clearance.rules.active.Activation;
import org.clearance.rules.active.ActivePack;
import org.clearance.rules.active.RulePackActivation;
import org.clearance.rules.reload.PackCheck;
import org.clearance.rules.reload.PackCheckSlot;
import org.clearance.rules.reload.ReloadConfig;
import org.clearance.rules.reload.ReloadTrigger;
import org.clearance.rules.RulePackRegistry;
import org.clearance.rules.layers.PackStack;
import org.clearance.rules.reload.RulePackChecker;
import org.clearance.rules.reload.RulePackRejectedException;
import org.clearance.security.Actor;

/**
 * Polls each pack subscription on its schedule, as {@code packs pull} does by hand: fetch, verify against the trusted
 * keys, unpack to FOLDER/NAME/VERSION beside the versions pulled before (never a downgrade), then check the pack
 * (allow-list, lint, its own rule tests). A version that passes is proposed to rule authors, or with auto-activate
 * activated and audited as the subscription. A refused bundle or pack leaves nothing installed, and a failed poll keeps
 * the active pack; both show in health and in the status. Only {@code serve} schedules polls: CLI runs and start-up
 * never touch the network.
 */
@ApplicationScoped
public class PackSubscriptionPoller {

    /** Most check failures quoted in a subscription's error; the rest are counted. */
    private static final int MAX_REASONS = 3;

    private final SubscriptionBoard board;
    private final PackSubscriptionsConfig config;
    private final PacksConfig packsConfig;
    private final ReloadConfig reloadConfig;
    private final RulePackActivation activations;
    private final PackCheckSlot slot;
    private final Scheduler scheduler;
    private final RulePackRegistry registry;

    PackSubscriptionPoller(SubscriptionBoard board, PackSubscriptionsConfig config, PacksConfig packsConfig,
                           ReloadConfig reloadConfig, RulePackActivation activations, PackCheckSlot slot, Scheduler scheduler,
                           RulePackRegistry registry) {
        this.registry = registry;
        this.board = board;
        this.config = config;
        this.packsConfig = packsConfig;
        this.reloadConfig = reloadConfig;
        this.activations = activations;
        this.slot = slot;
        this.scheduler = scheduler;
    }

    /**
     * Schedules one job per subscription that can be polled, and logs each one that cannot; returns how many were
     * scheduled. An interval job first runs at the scheduler's next tick (about a second later), then every {@code every}.
     */
    public int schedule() {
        board.statuses().stream().filter(s -> s.lastError() != null)
                .forEach(s -> Log.warnf("Pack %s; it is not polled", s.lastError()));
        List<PackSubscription> subscriptions = board.pollable();
        for (PackSubscription subscription : subscriptions) {
            scheduler.newJob("pack-subscription-" + subscription.name())
                    .setInterval(subscription.every().toString())
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> poll(subscription.name()))
                    .schedule();
            Log.infof("Pack subscription %s: polled every %s from %s", subscription.name(), subscription.every(),
                    board.status(subscription.name()).map(SubscriptionStatus::source).orElse("?"));
        }
        return subscriptions.size();
    }

    /**
     * Polls {@code name} once. Never throws for what a poll can meet (a server down, a refused bundle, a failing test):
     * the reason goes to the status and to the log in one line, and the active pack stays.
     *
     * @return the status afterwards
     * @throws SubscriptionNotFoundException no subscription is called {@code name}
     */
    public SubscriptionStatus poll(String name) {
        PackSubscription subscription = board.subscription(name).orElseThrow(() -> new SubscriptionNotFoundException(name));
        Instant at = now();
        board.update(name, s -> s.attempted(at));
        try {
            pollOnce(subscription, at);
            return board.update(name, s -> s.succeeded(at));
        } catch (SubscriptionConfigException e) {
            return failed(name, FailureKind.CONFIGURATION, e.getMessage());
        } catch (BundleDownloadException e) {
            return failed(name, FailureKind.DOWNLOAD, e.getMessage());
        } catch (PulledFolderConflictException e) {
            return failed(name, FailureKind.INSTALL, e.getMessage());
        } catch (PackBundleRefusedException e) {
            return failed(name, FailureKind.REFUSED, "refused: " + e.reason());
        } catch (PackDowngradeException e) {
            return failed(name, FailureKind.REFUSED, "refused: " + e.getMessage());
        } catch (PackChecksFailedException e) {
            return failed(name, FailureKind.CHECKS, e.getMessage());
        } catch (UncheckedIOException e) {
            return failed(name, FailureKind.INSTALL, e.getMessage() + " (" + e.getCause().getMessage() + ")");
        } catch (RuntimeException e) {
            Log.debugf(e, "pack subscription %s failed", name);
            return failed(name, FailureKind.ERROR, "unexpected error: " + e);
        }
    }

    private void pollOnce(PackSubscription subscription, Instant at) {
        PackBundleLimits limits = PackBundleLimits.of(packsConfig);
        String source = subscription.isFolder() ? NewestBundle.in(Path.of(subscription.source()), limits).toString()
                : subscription.source();
        PulledPack pulled = BundleFetch.pull(source, subscription.trustedKeys(), null, Path.of(config.subscriptionFolder()),
                false, limits);
        if (pulled.alreadyPulled() && known(subscription.name(), pulled)) {
            return; // nothing new since the last poll
        }
        try {
            if (subscription.autoActivate() && !overlayInUse() && !isLayer(pulled.manifest())) {
                Activation done = slot.run(() -> activations.activate(pulled.folder(), ReloadTrigger.SUBSCRIPTION,
                        Actor.system(subscription.actorName())));
                activated(subscription.name(), pulled.manifest(), done);
            } else {
                propose(subscription.name(), pulled, at);
            }
        } catch (RulePackRejectedException e) {
            throw refuse(pulled, e.check());
        }
    }

    private void propose(String name, PulledPack pulled, Instant at) {
        PackManifest layer = pulled.manifest();
        PackCheck check;
        try {
            // A layer is tested stacked on the bases it requires, pulled by their own subscriptions into the same folder.
            check = slot.run(() -> isLayer(layer)
                    ? PulledStack.check(pulled.folder(), layer, Path.of(config.subscriptionFolder()),
                            stack -> RulePackChecker.check(stack, reloadConfig.checkTimeout()))
                    : RulePackChecker.check(pulled.folder(), reloadConfig.checkTimeout()));
        } catch (MissingBaseException e) {
            if (!pulled.alreadyPulled()) {
                FileTrees.deleteQuietly(pulled.folder());
            }
            throw new PackChecksFailedException(e.getMessage() + "; nothing was installed");
        }
        if (!check.valid()) {
            throw refuse(pulled, check);
        }
        PackManifest manifest = pulled.manifest();
        Optional<ActivePack> active = activations.active();
        if (active.isPresent() && active.get().hash().equals(check.pack().hash())) {
            // Active already (this server restarted since, or someone ran rules activate): nothing to propose.
            board.update(name, s -> s.activating(activated(manifest, active.get()), true));
            return;
        }
        ProposedVersion proposed = new ProposedVersion(manifest.name(), manifest.version().toString(), manifest.publisher(),
                pulled.signedBy().keyId(), check.tests().passed(), at, pulled.folder().toString());
        board.update(name, s -> s.proposing(proposed));
        Log.infof("Pack subscription %s: %s %s by %s passed its checks (%d rule tests) and is proposed; %s", name,
                manifest.name(), manifest.version(), manifest.publisher(), check.tests().passed(), overlayInUse() || isLayer(manifest)
                        ? "the rules folder is an overlay: point its stack.yaml at " + pulled.folder() + " to take it"
                        : "a rule author activates it with POST /api/v1/packs/subscriptions/" + name + "/activate");
    }

    /**
     * Activates the proposed version of {@code name} as {@code actor}, through the same checks and audit as any
     * activation.
     *
     * @throws SubscriptionNotFoundException no subscription is called {@code name}
     * @throws NothingProposedException the subscription has no proposed version
     * @throws RulePackRejectedException the pack no longer passes its checks (its files changed on disk)
     */
    public SubscriptionStatus activate(String name, Actor actor) {
        SubscriptionStatus status = board.status(name).orElseThrow(() -> new SubscriptionNotFoundException(name));
        ProposedVersion proposed = status.proposed();
        if (proposed == null) {
            throw new NothingProposedException(name);
        }
        if (overlayInUse()) {
            throw new OverlayInUseException(name, registry.folder(), proposed.folder());
        }
        PackManifest manifest = PulledStack.manifestOf(Path.of(proposed.folder()));
        if (isLayer(manifest)) {
            throw new LayerNeedsStackException(name, proposed.folder(), manifest.requires().stream()
                    .map(PackRequirement::toString).collect(java.util.stream.Collectors.joining(", ")));
        }
        Activation done = slot.tryRun(() -> activations.activate(Path.of(proposed.folder()), ReloadTrigger.API, actor));
        ActivatedVersion activated = new ActivatedVersion(proposed.version(), done.active().hash(),
                done.active().activation(), done.active().activatedBy(), done.active().activatedAt());
        Log.infof("Pack subscription %s: %s %s activated by %s (rule pack %s)", name, proposed.pack(), proposed.version(),
                actor.name(), done.active().shortHash());
        return board.update(name, s -> s.activating(activated, s.proposed() != null
                && s.proposed().version().equals(proposed.version())));
    }

    private void activated(String name, PackManifest manifest, Activation done) {
        board.update(name, s -> s.activating(activated(manifest, done.active()), true));
        Log.infof("Pack subscription %s: %s %s %s (rule pack %s)", name, manifest.name(), manifest.version(),
                done.alreadyActive() ? "was already active" : "activated automatically", done.active().shortHash());
    }

    private static ActivatedVersion activated(PackManifest manifest, ActivePack active) {
        return new ActivatedVersion(manifest.version().toString(), active.hash(), active.activation(), active.activatedBy(),
                active.activatedAt());
    }

    /** A version that builds on other packs is a layer: never activated alone. */
    private static boolean isLayer(PackManifest manifest) {
        return !manifest.requires().isEmpty();
    }

    /** Whether the server's rules folder is an overlay, whose base versions are taken in its stack.yaml. */
    private boolean overlayInUse() {
        return PackStack.isStack(registry.folder());
    }

    /** Whether this poll found the version the subscription already proposed or activated: nothing to check again. */
    private boolean known(String name, PulledPack pulled) {
        String version = pulled.manifest().version().toString();
        return board.status(name).filter(s -> s.proposed() != null && s.proposed().version().equals(version)
                || s.activated() != null && s.activated().version().equals(version)).isPresent();
    }

    /** A pack that fails its checks is not kept: removes what this poll unpacked, and says why. */
    private static PackChecksFailedException refuse(PulledPack pulled, PackCheck check) {
        if (!pulled.alreadyPulled()) {
            FileTrees.deleteQuietly(pulled.folder());
        }
        List<String> reasons = check.reasons();
        int more = reasons.size() - MAX_REASONS;
        PackManifest manifest = pulled.manifest();
        return new PackChecksFailedException(manifest.name() + " " + manifest.version() + " was refused: it "
                + (check.loads() ? "fails its checks" : "does not load") + " (" + String.join("; ",
                reasons.subList(0, Math.min(MAX_REASONS, reasons.size()))) + (more > 0 ? "; and " + more + " more" : "")
                + "); nothing was installed");
    }

    private SubscriptionStatus failed(String name, FailureKind kind, String reason) {
        Log.warnf("Pack subscription %s: %s; the active pack stays", name, reason);
        return board.update(name, s -> s.failed(kind, reason));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
