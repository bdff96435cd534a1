package org.clearance.rules.active;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditChain;
import org.clearance.audit.AuditLog;
import org.clearance.rules.layers.Layers;
import org.clearance.rules.RulePack;
import org.clearance.rules.reload.FolderSnapshot;
import org.clearance.rules.reload.PackCheck;
import org.clearance.rules.reload.ReloadConfig;
import org.clearance.rules.reload.ReloadTrigger;
import org.clearance.rules.reload.RulePackChecker;
import org.clearance.rules.reload.RulePackRejectedException;
import org.clearance.rules.reload.RulePackVersions;
import org.clearance.security.Actor;

/**
 * Makes a rule pack the active pack of the database, which every server follows ({@link ActivePackFollower}). An
 * activation stores the pack's files by hash, records its version, moves the active row and writes the audit record,
 * all in one transaction: a refused or failed activation changes nothing.
 */
@ApplicationScoped
public class RulePackActivation {

    private final RulePackVersions versions;
    private final AuditLog audit;
    private final ReloadConfig reloadConfig;
    /** Test seam: runs after a pack passed its check and before it is stored (a file saved in that moment). */
    private volatile Runnable afterCheck = () -> { };

    RulePackActivation(RulePackVersions versions, AuditLog audit, ReloadConfig reloadConfig) {
        this.versions = versions;
        this.audit = audit;
        this.reloadConfig = reloadConfig;
    }

    /** The active pack; empty on a database where no pack was ever activated (each server runs its folder). */
    public Optional<ActivePack> active() {
        return QuarkusTransaction.joiningExisting().call(() -> ActiveRulePack.<ActiveRulePack>findByIdOptional(
                ActiveRulePack.ROW_ID).map(ActiveRulePack::view));
    }

    /**
     * Checks the pack in {@code directory} as a reload does (compile, allow-list, lint, rule tests) and activates it.
     * The folder is read once, into a private copy that is both checked and stored, so a file saved meanwhile cannot
     * slip in unchecked. A pack that fails is refused with {@link RulePackRejectedException}; only the refusal is
     * audited.
     */
    public Activation activate(Path directory, ReloadTrigger trigger, Actor actor) {
        try (FolderSnapshot snapshot = FolderSnapshot.check(directory, reloadConfig.checkTimeout())) {
            PackCheck check = snapshot.check();
            if (!check.valid()) {
                versions.recordRejection(directory, check, actor);
                throw new RulePackRejectedException(check);
            }
            return activateChecked(check.pack(), snapshot.folder(), trigger, actor);
        }
    }

    /**
     * Activates {@code checked}, a pack that passed {@link RulePackChecker} in a folder nobody else writes (its files
     * are stored from there); {@code folder} is where its author keeps it. Nothing is written when it is active already.
     */
    public Activation activateChecked(RulePack checked, Path folder, ReloadTrigger trigger, Actor actor) {
        afterCheck.run();
        try {
            return activateOnce(checked, folder, trigger, actor);
        } catch (RuntimeException e) {
            if (!RulePackVersions.isConstraintViolation(e)) {
                throw e;
            }
            // Another process activated, or stored a file of this pack, at the same moment: its rows are committed
            // now, and the second attempt waits for the row lock and sees them.
            return activateOnce(checked, folder, trigger, actor);
        }
    }

    private Activation activateOnce(RulePack pack, Path folder, ReloadTrigger trigger, Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // The row lock orders concurrent activations: each one sees the activation number the previous one wrote.
            ActiveRulePack row = ActiveRulePack.getEntityManager().find(ActiveRulePack.class, ActiveRulePack.ROW_ID,
                    LockModeType.PESSIMISTIC_WRITE);
            if (row != null && row.packHash.equals(pack.hash())) {
                return new Activation(row.view(), pack.rules().size(), true);
            }
            long versionId = versions.insert(pack, folder, trigger, actor);
            boolean first = row == null;
            if (first) {
                row = new ActiveRulePack();
                row.id = ActiveRulePack.ROW_ID;
            }
            row.activation++;
            row.packHash = pack.hash();
            row.rulePackVersionId = versionId;
            row.activatedBy = actor.name();
            row.activatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // what both databases keep
            row.directory = folder.toString();
            if (first) {
                row.persist();
            }
            ActiveRulePack.flush(); // a concurrent first activation fails here, inside the retry
            audit.append(actor, AuditAction.RULE_PACK_ACTIVATED, pack.hash(), pack.hash());
            // Each override the overlay makes is on the record by rule; its reason and author are in the stored pack.
            Layers.of(pack.directory()).ifPresent(layers -> audit.appendAll(actor, layers.overrides().stream()
                    .map(o -> new AuditChain.Entry(AuditAction.RULE_OVERRIDE_ACTIVATED, o.rule(), pack.hash())).toList()));
            return new Activation(row.view(), pack.rules().size(), false);
        });
    }

    /** Runs {@code hook} between the check of each activation and its store; null removes it. For tests only. */
    void afterCheck(Runnable hook) {
        afterCheck = hook == null ? () -> { } : hook;
    }

    /**
     * The line a command-line run prints when it screens with the pack of its configured folder while another pack is
     * active on the database; empty when they agree, nothing is active, or the database cannot say.
     */
    public Optional<String> folderDiffers(RulePack folderPack, Path folder) {
        Optional<ActivePack> active;
        try {
            active = active();
        } catch (RuntimeException e) {
            return Optional.empty(); // a notice, never a reason to fail the run
        }
        return active.filter(a -> !a.hash().equals(folderPack.hash()))
                .map(a -> "clearance: " + folder + " (rule pack " + folderPack.shortHash() + ") differs from the active pack "
                        + a.shortHash() + " that servers run; screened with " + folder
                        + ". 'clearance rules activate " + folder + "' makes it live");
    }
}
