package org.clearance.rules.active;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.clearance.config.ClearanceConfig;
import org.clearance.rules.FileTrees;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.RulePackRegistry;
import org.clearance.rules.reload.RulePackContents;

/**
 * Keeps a server on the database's active pack: loads it at start, then polls the active row every
 * {@code clearance.rules.active-poll} and swaps to a pack activated since, by any process. The pack's files are
 * restored by hash into a temporary folder and compiled; they passed their checks when they were activated. Only
 * {@code serve} starts it: a command-line run uses its folder.
 */
@ApplicationScoped
public class ActivePackFollower {

    private static final long MIN_POLL_MILLIS = 100;

    private final RulePackActivation activations;
    private final RulePackContents contents;
    private final RulePackRegistry registry;
    private final ClearanceConfig config;
    private ScheduledExecutorService poller;
    /** The folder the live pack was restored into, deleted once another pack replaces it. */
    private Path restored;
    /** An activation whose pack could not be loaded: logged once, not tried again every poll. */
    private volatile long failed = -1;
    private volatile boolean unreachable;

    ActivePackFollower(RulePackActivation activations, RulePackContents contents, RulePackRegistry registry,
                       ClearanceConfig config) {
        this.activations = activations;
        this.contents = contents;
        this.registry = registry;
        this.config = config;
    }

    /**
     * Makes the active pack live before the server serves; false when none was ever activated, or when it cannot be
     * loaded (the error is logged and the caller serves its folder).
     */
    public boolean loadActive() {
        Optional<ActivePack> active = activations.active();
        return active.isPresent() && follow(active.get(), registry.activation());
    }

    /** Polls the active row until shutdown. */
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        long every = Math.max(MIN_POLL_MILLIS, config.rules().activePoll().toMillis()); // 0 or less would stop the poller
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rules-follow");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        Log.infof("Following the active rule pack in the database (every %d ms)", every);
    }

    void stop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    /** One poll: swaps to a pack activated since the live one. Never throws: the next poll tries again. */
    public void poll() {
        long seen = registry.activation(); // before the read: a reload that activates meanwhile wins (RulePackRegistry.follow)
        Optional<ActivePack> active;
        try {
            active = activations.active();
            if (unreachable) {
                unreachable = false;
                Log.info("The active rule pack can be read from the database again");
            }
        } catch (RuntimeException e) {
            if (!unreachable) {
                unreachable = true;
                Log.warnf("Cannot read the active rule pack from the database (%s); the live pack keeps serving", e.getMessage());
            }
            return;
        }
        active.filter(a -> a.activation() != seen && a.activation() != failed).ifPresent(a -> follow(a, seen));
    }

    private boolean follow(ActivePack active, long seen) {
        RulePackRegistry.Live live = registry.loaded() ? registry.live() : null;
        if (live != null && live.pack().hash().equals(active.hash())) {
            return registry.follow(live.pack(), active, seen); // the same pack: only its activation and version change
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("clearance-pack-" + active.shortHash() + "-");
            if (!contents.restore(active.hash(), folder)) {
                throw new IllegalStateException("its files are not stored in the database");
            }
            RulePack pack = RulePackLoader.load(folder);
            if (!pack.hash().equals(active.hash())) {
                throw new IllegalStateException("its restored files hash to " + pack.shortHash());
            }
            if (!registry.follow(pack, active, seen)) {
                FileTrees.deleteQuietly(folder); // a reload on this server activated a newer pack meanwhile
                return false;
            }
            replaceRestored(folder);
            return true;
        } catch (IOException | RuntimeException e) {
            failed = active.activation();
            FileTrees.deleteQuietly(folder);
            Log.errorf("The active rule pack %s (activation %d by %s) cannot be loaded: %s; the live pack %s keeps serving",
                    active.shortHash(), active.activation(), active.activatedBy(), e.getMessage(),
                    live == null ? "(none yet)" : live.pack().shortHash());
            return false;
        }
    }

    private synchronized void replaceRestored(Path folder) {
        Path previous = restored;
        restored = folder;
        FileTrees.deleteQuietly(previous); // the compiled pack no longer reads its files
    }

}
