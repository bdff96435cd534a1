package org.clearance.rules.reload;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditLog;
import org.clearance.rules.RulePack;
import org.clearance.security.Actor;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Records each distinct pack that goes live, once (a pack that goes live again keeps its version; the audit trail
 * records every activation), and lists them with the number of screenings each one made.
 */
@ApplicationScoped
public class RulePackVersions {

    /** One recorded version as the API shows it. */
    public record VersionView(long id, String hash, Instant activatedAt, ReloadTrigger trigger, String triggeredBy,
                              Integer rules, String directory, long screenings, boolean live) {
    }

    private final AuditLog audit;
    private final RulePackContents contents;

    RulePackVersions(AuditLog audit, RulePackContents contents) {
        this.audit = audit;
        this.contents = contents;
    }

    /** Records that a candidate pack in {@code directory} was refused, with the hash of its reasons. */
    public void recordRejection(java.nio.file.Path directory, PackCheck check, Actor actor) {
        String reasons = org.clearance.audit.CanonicalJson.sha256(String.join("\n", check.reasons()));
        QuarkusTransaction.requiringNew().run(
                () -> audit.append(actor, AuditAction.RULE_PACK_REJECTED, directory.toString(), reasons));
    }

    /**
     * Records {@code pack} as live from now (its version, new or the one its hash got before, and an audit record), in
     * its own transaction: the row must exist before the pack serves, whatever transaction the caller is in, so that
     * screenings can reference it.
     */
    public long record(RulePack pack, ReloadTrigger trigger, Actor actor) {
        try {
            return recordOnce(pack, trigger, actor);
        } catch (RuntimeException e) {
            if (!isConstraintViolation(e)) {
                throw e;
            }
            // Another thread or server stored a file of this pack first (packs share most files): its rows are
            // committed now, and the second attempt finds them.
            return recordOnce(pack, trigger, actor);
        }
    }

    /**
     * The version of a pack that starts serving without a reload (a server start, a CLI run): the newest version when
     * it has this hash, so that restarts and command-line runs with an unchanged pack add no audit record; otherwise
     * recorded as {@link #record} does.
     */
    public long recordStart(RulePack pack, Actor actor) {
        Long newest = QuarkusTransaction.requiringNew().call(() -> RulePackVersion.<RulePackVersion>find("order by id desc")
                .firstResultOptional().filter(v -> v.hash.equals(pack.hash())).map(v -> v.id).orElse(null));
        return newest != null ? newest : record(pack, ReloadTrigger.STARTUP, actor);
    }

    /** Whether {@code e} comes from a unique or foreign key the database enforced (another writer got there first). */
    public static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private long recordOnce(RulePack pack, ReloadTrigger trigger, Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // A pack loaded from its folder (a start, a CLI run) and recorded at its first screening: the folder may
            // have been edited since. Its version is recorded anyway, as screenings need it; its files are not.
            if (!contents.store(pack)) {
                Log.warnf("The rules folder %s changed since rule pack %s was loaded from it: the pack's files are not"
                        + " kept, so its screenings cannot be replayed unless it is activated", pack.directory(),
                        pack.shortHash());
            }
            long id = version(pack, pack.directory(), trigger, actor);
            audit.append(actor, AuditAction.RULE_PACK_LOADED, pack.hash(), pack.hash());
            return id;
        });
    }

    /**
     * The version of {@code pack} in the caller's transaction, without an audit record (the caller writes the one that
     * describes its change, e.g. an activation): the version its hash got when it first went live, else a new one
     * with {@code folder} as its directory. Its files are stored either way (a backfilled version has none); an
     * {@link IllegalStateException} when they no longer hash to the pack, and nothing is written.
     */
    public long insert(RulePack pack, java.nio.file.Path folder, ReloadTrigger trigger, Actor actor) {
        // Stored first: two writers of a new hash collide on rule_pack_content's key, and the retry finds the version.
        if (!contents.store(pack)) {
            throw new IllegalStateException("the files of rule pack " + pack.shortHash() + " from " + folder
                    + " changed after its check; nothing was activated");
        }
        return version(pack, folder, trigger, actor);
    }

    private long version(RulePack pack, java.nio.file.Path folder, ReloadTrigger trigger, Actor actor) {
        Long known = RulePackVersion.<RulePackVersion>find("hash = ?1 order by id", pack.hash()).firstResultOptional()
                .map(v -> v.id).orElse(null); // the oldest: databases from before kept one version per activation
        if (known != null) {
            return known;
        }
        RulePackVersion version = new RulePackVersion();
        version.hash = pack.hash();
        version.activatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // what both databases keep
        version.activatedBy = trigger.label();
        version.triggeredBy = actor.name();
        version.ruleCount = pack.rules().size();
        version.directory = folder.toString();
        version.persist();
        return version.id;
    }

    /** Every recorded version, newest first; {@code liveId} marks the one serving now. */
    public List<VersionView> list(Long liveId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Map<Long, Long> screenings = new HashMap<>();
            List<Object[]> counts = RulePackVersion.getEntityManager()
                    .createQuery("select s.rulePackVersionId, count(s) from Screening s group by s.rulePackVersionId",
                            Object[].class)
                    .getResultList();
            counts.forEach(row -> screenings.put((Long) row[0], (Long) row[1]));
            List<RulePackVersion> versions = RulePackVersion.list("order by id desc");
            return versions.stream().map(v -> new VersionView(v.id, v.hash, v.activatedAt,
                    ReloadTrigger.ofLabel(v.activatedBy), v.triggeredBy, v.ruleCount, v.directory,
                    screenings.getOrDefault(v.id, 0L), v.id.equals(liveId))).toList();
        });
    }
}
