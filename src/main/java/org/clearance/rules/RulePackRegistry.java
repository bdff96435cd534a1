package org.clearance.rules;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clearance.config.ClearanceConfig;
import org.clearance.rules.active.ActivePack;
import org.clearance.rules.active.Activation;
import org.clearance.rules.active.RulePackActivation;
import org.clearance.security.Actor;
import org.clearance.rules.reload.FolderFingerprint;
import org.clearance.rules.reload.FolderSnapshot;
import org.clearance.rules.reload.PackCheck;
import org.clearance.rules.reload.ReloadConfig;
import org.clearance.rules.reload.ReloadTrigger;
import org.clearance.rules.reload.RulePackChecker;
import org.clearance.rules.reload.RulePackRejectedException;
import org.clearance.rules.reload.RulePackVersions;

/**
 * Holds the live rule pack. The pack is compiled on first use (the server loads it before it serves).
 * A reload checks the candidate (compile, lint, rule tests), activates it in the database (so that every server
 * follows) and swaps it in with one volatile write, so a screening that took the pack keeps it to the end; a
 * candidate that fails never goes live and is kept as the {@linkplain #rejection() rejection} until a later reload
 * succeeds. A server also {@linkplain #follow follows} packs activated elsewhere.
 */
@ApplicationScoped
public class RulePackRegistry {

    /** The live pack and the id of its {@code rule_pack_version} row (null until recorded: CLI runs never need it). */
    public record Live(RulePack pack, Long versionId) {
    }

    /** Why the last reload was refused; the previous pack kept serving. */
    public record Rejection(Instant at, ReloadTrigger trigger, PackCheck check) {
    }

    /**
     * A pack that went live (or was found unchanged), with the time of each step. When the folder held exactly the
     * files the live pack passed its checks with, nothing is checked again and {@code check} is that earlier check.
     */
    public record Reload(Live live, String previousHash, boolean changed, PackCheck check, long swapNanos) {
    }

    /** The folder's fingerprint when {@code pack} passed {@code check}. */
    private record PassedCheck(String fingerprint, RulePack pack, PackCheck check) {
    }

    private final ClearanceConfig config;
    private final ReloadConfig reloadConfig;
    private final RulePackVersions versions;
    private final RulePackActivation activations;
    private volatile Live live;
    private volatile Rejection rejection;
    private volatile PassedCheck lastPassed;
    /** The folder a reload and the watcher read; null until a folder is loaded or named: the configured one. */
    private volatile Path folder;
    /** The database activation the live pack belongs to; 0 while it is a folder's pack that was never activated. */
    private long activation;
    /** The private copy the live pack was checked in and reads its files from, when a reload made it live. */
    private Path checkedCopy;

    RulePackRegistry(ClearanceConfig config, ReloadConfig reloadConfig, RulePackVersions versions,
                     RulePackActivation activations) {
        this.config = config;
        this.reloadConfig = reloadConfig;
        this.versions = versions;
        this.activations = activations;
    }

    /** The live pack, loading the configured directory the first time. */
    public RulePack current() {
        return live().pack();
    }

    /** The live pack with its version; take it once per screening so that a reload cannot change it midway. */
    public Live live() {
        Live now = live;
        if (now == null) {
            synchronized (this) {
                if (live == null) {
                    load(configuredDirectory());
                }
                now = live;
            }
        }
        return now;
    }

    /** Compiles {@code directory} and makes it the live pack; throws and changes nothing if it is invalid. */
    public synchronized RulePack load(Path directory) {
        RulePack pack = RulePackLoader.load(directory);
        live = new Live(pack, null);
        activation = 0; // a folder's pack: the next activation read from the database is news to it
        servedCopy(null);
        folder = directory;
        Log.infof("Rule pack %s loaded from %s: %d rules, %d data files", pack.shortHash(), directory,
                pack.rules().size(), pack.dataSets().size());
        return pack;
    }

    /**
     * The version id of {@code taken}, recording it (as a startup, unless the newest version has its hash) the first
     * time a pack loaded by {@link #load} is used to store something.
     */
    public long versionId(Live taken) {
        if (taken.versionId() != null) {
            return taken.versionId(); // every screening passes here: no lock, or a reload in progress would stall it
        }
        synchronized (this) {
            Live now = live;
            if (now.pack() == taken.pack() && now.versionId() != null) {
                return now.versionId();
            }
            long id = versions.recordStart(taken.pack(), Actor.system(ReloadTrigger.STARTUP.label()));
            if (now.pack() == taken.pack()) {
                live = new Live(taken.pack(), id);
            }
            return id;
        }
    }

    /**
     * Checks the live pack's directory again and, if the pack passes, makes it live. Throws
     * {@link RulePackRejectedException} and keeps the previous pack if it does not.
     */
    public Reload reload(ReloadTrigger trigger) {
        return reload(trigger, Actor.system(trigger.label()));
    }

    /**
     * As {@link #reload(ReloadTrigger)}, recording {@code actor} as who made the new pack live. The folder is read
     * once, into a private copy: the pack is checked, stored and served from that copy, so what goes live is exactly
     * what passed, whatever is saved in the folder meanwhile.
     */
    public synchronized Reload reload(ReloadTrigger trigger, Actor actor) {
        Live before = live;
        Path directory = folder();
        String fingerprint = FolderFingerprint.of(directory);
        PassedCheck passed = lastPassed;
        if (fingerprint != null && before != null && passed != null && passed.pack() == before.pack()
                && passed.fingerprint().equals(fingerprint)) {
            // Nothing a check reads has changed since the live pack passed it (a watched save without changes, a
            // file put back after a refused edit): the same check would give the same answer.
            rejection = null;
            Live now = activated(before.pack(), directory, trigger, actor);
            Log.infof("Rule pack %s unchanged (%s): the folder holds the files it passed its checks with",
                    before.pack().shortHash(), trigger.label());
            return new Reload(now, before.pack().hash(), false, passed.check(), 0);
        }
        try (FolderSnapshot snapshot = FolderSnapshot.check(directory, reloadConfig.checkTimeout())) {
            PackCheck check = snapshot.check();
            if (!check.valid()) {
                rejection = new Rejection(Instant.now(), trigger, check);
                versions.recordRejection(directory, check, actor);
                List<String> reasons = check.reasons();
                Log.errorf("Rule pack in %s rejected (%s, %d problem(s)); the previous pack %s keeps serving:%n  %s",
                        directory, trigger.label(), reasons.size(), before == null ? "(none)" : before.pack().shortHash(),
                        String.join("\n  ", reasons));
                throw new RulePackRejectedException(check);
            }
            rejection = null;
            String previousHash = before == null ? null : before.pack().hash();
            boolean changed = !check.pack().hash().equals(previousHash);
            // Stored from the copy; even an unchanged hash swaps to the copy's pack, so that the live pack's files
            // are the checked ones (the one loaded at start reads the folder).
            long versionId = activate(check.pack(), snapshot.folder(), trigger, actor);
            long start = System.nanoTime();
            Live next = new Live(check.pack(), versionId);
            live = next;
            long swapNanos = System.nanoTime() - start;
            servedCopy(snapshot.keep());
            String checkedFingerprint = FolderFingerprint.of(snapshot.checked());
            lastPassed = checkedFingerprint == null ? null : new PassedCheck(checkedFingerprint, check.pack(), check);
            if (!changed) {
                Log.infof("Rule pack %s unchanged (%s); nothing to swap", check.pack().shortHash(), trigger.label());
                return new Reload(next, previousHash, false, check, 0);
            }
            Log.infof("Rule pack %s live (%s, was %s): %d rules; compile+lint %d ms, tests %d ms, swap %d ns",
                    check.pack().shortHash(), trigger.label(), previousHash == null ? "none" : previousHash.substring(0, 12),
                    check.pack().rules().size(), check.compileMillis(), check.testMillis(), swapNanos);
            return new Reload(next, previousHash, true, check, swapNanos);
        }
    }

    /**
     * Makes {@code pack}, the live one, the database's active pack too (another server may have activated another
     * pack a moment ago); the live pack then carries the active version.
     */
    private Live activated(RulePack pack, Path directory, ReloadTrigger trigger, Actor actor) {
        long versionId = activate(pack, directory, trigger, actor);
        Live now = new Live(pack, versionId);
        live = now;
        return now;
    }

    /** Activates {@code pack} in the database and returns its version id; the caller holds this registry's lock. */
    private long activate(RulePack pack, Path directory, ReloadTrigger trigger, Actor actor) {
        Activation done = activations.activateChecked(pack, directory.toAbsolutePath().normalize(), trigger, actor);
        activation = done.active().activation();
        if (done.alreadyActive()) {
            Log.infof("Rule pack %s was the active pack already (activation %d)", pack.shortHash(), activation);
        } else {
            Log.infof("Rule pack %s activated (activation %d, %s by %s): every server follows", pack.shortHash(),
                    activation, trigger.label(), done.active().activatedBy());
        }
        return done.active().versionId();
    }

    /** The private copy goes with the process, as the follower's restored folder does. */
    synchronized void removeCheckedCopy(@Observes ShutdownEvent event) {
        servedCopy(null);
    }

    /** Records {@code copy} as the folder the live pack was checked in; the previous one is no longer read. */
    private void servedCopy(Path copy) {
        Path previous = checkedCopy;
        checkedCopy = copy;
        if (previous != null && !previous.equals(copy)) {
            FileTrees.deleteQuietly(previous);
        }
    }

    /**
     * Puts {@code pack}, the pack of the database's activation {@code active} (restored and compiled by the caller), live,
     * unless this registry moved on since the caller read the activation ({@code seen} is what {@link #activation()}
     * said before that read): a reload that just activated a newer pack must not be undone by an older one.
     */
    public synchronized boolean follow(RulePack pack, ActivePack active, long seen) {
        if (activation != seen) {
            return false;
        }
        Live before = live;
        live = new Live(pack, active.versionId());
        activation = active.activation();
        if (before == null || before.pack() != pack) {
            servedCopy(null);
        }
        if (before == null || before.pack() != pack) {
            rejection = null; // a newer pack than the refused candidate is live now
            Log.infof("Rule pack %s live (activation %d by %s, was %s): %d rules", pack.shortHash(), active.activation(),
                    active.activatedBy(), before == null ? "none" : before.pack().shortHash(), pack.rules().size());
        }
        return true;
    }

    /** The database activation the live pack belongs to; 0 while it is a folder's pack that was never activated. */
    public synchronized long activation() {
        return activation;
    }

    /** The folder {@link #reload} and the watcher read: the one loaded last, or the configured one. */
    public Path folder() {
        Path named = folder;
        return named != null ? named : configuredDirectory();
    }

    /** Names the folder a reload and the watcher read while the live pack came from the database. */
    public void useFolder(Path directory) {
        folder = directory;
    }

    /** Why the last reload failed, if it did and no reload has succeeded since. */
    public Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection);
    }

    public boolean loaded() {
        return live != null;
    }

    public Path configuredDirectory() {
        return Path.of(config.rules().directory());
    }
}
